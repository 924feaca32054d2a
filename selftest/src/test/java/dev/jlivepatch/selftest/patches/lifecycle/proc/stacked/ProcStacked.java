package dev.jlivepatch.selftest.patches.lifecycle.proc.stacked;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A patch stacked on two others: /proc/cmdline and /proc/version, each the top of a stack of two. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Proc")
public final class ProcStacked {
    private ProcStacked() {
    }

    @Replace
    static String cmdline() {
        return "stacked: this has been live patched";
    }

    @Replace
    static String version() {
        return "stacked: this has been live patched";
    }
}
