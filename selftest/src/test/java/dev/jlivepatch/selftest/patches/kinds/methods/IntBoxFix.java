package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.methods.Box;

/** An override with a covariant return: Integer get(), not the synthetic bridge Object get(). */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Box$IntBox")
public final class IntBoxFix {
    private IntBoxFix() {
    }

    @TargetField(value = "value", owner = "dev.jlivepatch.selftest.apps.kinds.methods.Box")
    static Object value(Box<?> self) {
        throw new AssertionError();
    }

    @Replace
    static Integer get(Box.IntBox self) {
        return (Integer) value(self) + 100;
    }
}
