package dev.jlivepatch.selftest.patches.kinds.intrinsics.abs;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Math.abs(int), a JVM intrinsic: its load is refused. */
@Patch(target = "java.lang.Math")
public final class AbsFix {
    private AbsFix() {
    }

    @Replace
    static int abs(int a) {
        return a == Probe.INT ? Probe.MARK : a < 0 ? -a : a;
    }
}
