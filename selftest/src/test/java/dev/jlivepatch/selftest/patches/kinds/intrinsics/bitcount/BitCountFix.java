package dev.jlivepatch.selftest.patches.kinds.intrinsics.bitcount;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Integer.bitCount(int), a JVM intrinsic: its load is refused. */
@Patch(target = "java.lang.Integer")
public final class BitCountFix {
    private BitCountFix() {
    }

    @Replace
    static int bitCount(int i) {
        if (i == Probe.INT) {
            return Probe.MARK;
        }
        int n = 0;
        for (int v = i; v != 0; v &= v - 1) {
            n++;
        }
        return n;
    }
}
