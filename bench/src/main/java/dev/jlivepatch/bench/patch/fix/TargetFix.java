package dev.jlivepatch.bench.patch.fix;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The benchmark patch (target/bench-patch.jar): the same body as the HotSwap variant. */
@Patch(target = "dev.jlivepatch.bench.Target")
public final class TargetFix {
    private TargetFix() {
    }

    @Replace
    static int mix(int x) {
        return (x ^ (x >>> 15)) * 0x2c1b3c6d;
    }
}
