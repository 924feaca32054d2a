package dev.jlivepatch.selftest.patches.kinds.init;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.init.Racy")
public final class RacyFix {
    private RacyFix() {
    }

    @Replace
    static String compute() {
        return "new racy";
    }
}
