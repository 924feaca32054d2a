package dev.jlivepatch.selftest.patches.lifecycle.proc.version;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A patch of /proc/version alone, for a stack of three. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Proc")
public final class ProcVersion {
    private ProcVersion() {
    }

    @Replace
    static String version() {
        return "version: this has been live patched";
    }
}
