package dev.jlivepatch.selftest.patches.kinds.init;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.init.Early")
public final class EarlyFix {
    private EarlyFix() {
    }

    @Replace
    static String value() {
        return "new early";
    }
}
