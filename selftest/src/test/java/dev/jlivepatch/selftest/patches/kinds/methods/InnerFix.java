package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.methods.Outer;

/** An inner class: reaches its enclosing instance through the synthetic this$0. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Outer$Inner")
public final class InnerFix {
    private InnerFix() {
    }

    @TargetField("this$0")
    static Outer outer(Outer.Inner self) {
        throw new AssertionError();
    }

    @TargetField(value = "label", owner = "dev.jlivepatch.selftest.apps.kinds.methods.Outer")
    static String label(Outer outer) {
        throw new AssertionError();
    }

    @Replace
    static String hi(Outer.Inner self) {
        return "INNER of " + label(outer(self));
    }
}
