package dev.jlivepatch.selftest.attach.patch;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** Replaces {@code Gate.pass}: it no longer waits. */
@Patch(target = "dev.jlivepatch.selftest.attach.app.Gate")
public final class GateFix {
    private GateFix() {
    }

    @Replace
    static String pass() {
        return "gate patched";
    }
}
