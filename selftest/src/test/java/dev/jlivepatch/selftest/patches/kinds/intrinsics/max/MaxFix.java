package dev.jlivepatch.selftest.patches.kinds.intrinsics.max;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Math.max(int, int), a JVM intrinsic: its load is refused. */
@Patch(target = "java.lang.Math")
public final class MaxFix {
    private MaxFix() {
    }

    @Replace
    static int max(int a, int b) {
        return a == Probe.INT ? Probe.MARK : a >= b ? a : b;
    }
}
