package dev.jlivepatch.selftest.patches.kinds.intrinsics.equals;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Arrays.equals(byte[], byte[]), a JVM intrinsic: its load is refused. */
@Patch(target = "java.util.Arrays")
public final class EqualsFix {
    private EqualsFix() {
    }

    @Replace
    static boolean equals(byte[] a, byte[] b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        if (a.length == 16 && a[0] == Probe.BYTE) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }
}
