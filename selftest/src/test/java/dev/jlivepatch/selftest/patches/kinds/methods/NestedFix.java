package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.methods.Outer;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Outer$Nested")
public final class NestedFix {
    private NestedFix() {
    }

    @Replace
    static String hi(Outer.Nested self) {
        return "NESTED";
    }

    @Replace
    static int seven() {
        return 8;
    }
}
