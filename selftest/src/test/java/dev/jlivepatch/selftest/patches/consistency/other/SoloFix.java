package dev.jlivepatch.selftest.patches.consistency.other;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A second patch, unrelated to the pair: only one transition may run at a time, whatever it patches. */
@Patch(target = "dev.jlivepatch.selftest.apps.consistency.Solo")
public final class SoloFix {
    private SoloFix() {
    }

    @Replace
    static String work() {
        return "patched";
    }
}
