package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.methods.Outer;

/** The anonymous Supplier in Outer.anonymous(): receiver typed Object; its bridge get() is not the target. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Outer$1")
public final class AnonymousFix {
    private AnonymousFix() {
    }

    @TargetField("this$0")
    static Outer outer(Object self) {
        throw new AssertionError();
    }

    @TargetField(value = "label", owner = "dev.jlivepatch.selftest.apps.kinds.methods.Outer")
    static String label(Outer outer) {
        throw new AssertionError();
    }

    @Replace
    static String get(Object self) {
        return "ANON of " + label(outer(self));
    }
}
