package dev.jlivepatch.selftest.patches.kinds.intrinsics.floormod;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** The control: Math.floorMod(int, int) is no intrinsic, so its patch holds in compiled code. */
@Patch(target = "java.lang.Math")
public final class FloorModFix {
    private FloorModFix() {
    }

    @Replace
    static int floorMod(int x, int y) {
        if (x == Probe.INT) {
            return Probe.MARK;
        }
        int mod = x % y;
        // The remainder takes the dividend's sign; floorMod takes the divisor's.
        return (mod ^ y) < 0 && mod != 0 ? mod + y : mod;
    }
}
