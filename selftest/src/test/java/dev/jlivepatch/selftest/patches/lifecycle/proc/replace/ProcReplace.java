package dev.jlivepatch.selftest.patches.lifecycle.proc.replace;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The kernel's test_klp_atomic_replace: what /proc/meminfo shows is live patched (loaded with or without Livepatch-Replace). */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Proc")
public final class ProcReplace {
    private ProcReplace() {
    }

    @Replace
    static String meminfo() {
        return "atomic_replace: this has been live patched";
    }
}
