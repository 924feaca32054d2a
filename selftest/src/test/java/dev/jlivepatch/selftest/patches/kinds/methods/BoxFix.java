package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.methods.Box;

/** A generic method: set(T) erases to set(Object). */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Box")
public final class BoxFix {
    private BoxFix() {
    }

    @TargetField("value")
    static void value(Box<?> self, Object v) {
        throw new AssertionError();
    }

    @Replace
    static void set(Box<?> self, Object v) {
        value(self, v instanceof String ? "[" + v + "]" : v);
    }
}
