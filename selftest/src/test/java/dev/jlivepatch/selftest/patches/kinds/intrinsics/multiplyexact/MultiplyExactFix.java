package dev.jlivepatch.selftest.patches.kinds.intrinsics.multiplyexact;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Math.multiplyExact(int, int), a JVM intrinsic: its load is refused. */
@Patch(target = "java.lang.Math")
public final class MultiplyExactFix {
    private MultiplyExactFix() {
    }

    @Replace
    static int multiplyExact(int x, int y) {
        long r = (long) x * y;
        if ((int) r != r) {
            throw new ArithmeticException("integer overflow");
        }
        return x == Probe.INT ? Probe.MARK : (int) r;
    }
}
