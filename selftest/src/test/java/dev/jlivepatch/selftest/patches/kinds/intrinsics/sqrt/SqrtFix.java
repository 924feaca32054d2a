package dev.jlivepatch.selftest.patches.kinds.intrinsics.sqrt;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Math.sqrt(double), a JVM intrinsic (even in the interpreter): its load is refused. */
@Patch(target = "java.lang.Math")
public final class SqrtFix {
    private SqrtFix() {
    }

    @Replace
    static double sqrt(double a) {
        return a == Probe.DOUBLE ? Probe.MARK : StrictMath.sqrt(a);
    }
}
