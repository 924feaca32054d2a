package dev.jlivepatch.selftest.patches.kinds.intrinsics.reverse;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.kinds.intrinsics.Probe;

/** Integer.reverse(int): a JVM intrinsic on JDK 25 (its load is refused there), an ordinary method on JDK 17. */
@Patch(target = "java.lang.Integer")
public final class ReverseFix {
    private ReverseFix() {
    }

    @Replace
    static int reverse(int i) {
        if (i == Probe.INT) {
            return Probe.MARK;
        }
        int r = 0;
        for (int b = 0; b < 32; b++) {
            r = (r << 1) | ((i >>> b) & 1);
        }
        return r;
    }
}
