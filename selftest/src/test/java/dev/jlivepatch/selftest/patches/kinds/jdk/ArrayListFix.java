package dev.jlivepatch.selftest.patches.kinds.jdk;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import java.util.ArrayList;

/**
 * An honest ArrayList.size, reading the list's own fields: the same answer as the original for
 * every list except one holding just the probe string, which shows that the replacement runs.
 */
@Patch(target = "java.util.ArrayList")
public final class ArrayListFix {
    private ArrayListFix() {
    }

    @TargetField("size")
    static int sizeField(ArrayList<?> self) {
        throw new AssertionError();
    }

    @TargetField("elementData")
    static Object[] elementData(ArrayList<?> self) {
        throw new AssertionError();
    }

    @Replace
    static int size(ArrayList<?> self) {
        int n = sizeField(self);
        return n == 1 && elementData(self)[0] == HashMapFix.PROBE ? 1001 : n;
    }
}
