package dev.jlivepatch.selftest.patches.kinds.init;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.init.Late")
public final class LateFix {
    private LateFix() {
    }

    @Replace
    static String compute() {
        return "new";
    }
}
