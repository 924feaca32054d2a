package dev.jlivepatch.selftest.patches.lifecycle.proc.livepatch;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The kernel's test_klp_livepatch: what /proc/cmdline shows is live patched. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Proc")
public final class ProcLivepatch {
    private ProcLivepatch() {
    }

    @Replace
    static String cmdline() {
        return "livepatch: this has been live patched";
    }
}
