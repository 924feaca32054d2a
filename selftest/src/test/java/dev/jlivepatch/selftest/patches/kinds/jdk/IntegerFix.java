package dev.jlivepatch.selftest.patches.kinds.jdk;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A bootstrap class, visibly changed: hex with a 0x prefix, also where the JDK calls it (Object.toString). */
@Patch(target = "java.lang.Integer")
public final class IntegerFix {
    private IntegerFix() {
    }

    @Replace
    static String toHexString(int i) {
        return "0x".concat(Long.toHexString(i & 0xffffffffL));
    }
}
