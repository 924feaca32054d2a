package dev.jlivepatch.selftest.patches.kinds.intrinsics.ntz;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Integer.numberOfTrailingZeros(int), a JVM intrinsic: its load is refused. */
@Patch(target = "java.lang.Integer")
public final class NumberOfTrailingZerosFix {
    private NumberOfTrailingZerosFix() {
    }

    @Replace
    static int numberOfTrailingZeros(int i) {
        if (i == Probe.INT) {
            return Probe.MARK;
        }
        int n = 0;
        for (int v = i; n < 32 && (v & 1) == 0; v >>>= 1) {
            n++;
        }
        return n;
    }
}
