package dev.jlivepatch.bench.patch.original;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The {@code @Original} benchmark patch (target/bench-original.jar): a check, then the original body. */
@Patch(target = "dev.jlivepatch.bench.Checked")
public final class CheckedFix {
    private CheckedFix() {
    }

    @Replace
    static int mix(int x) {
        if (x == Integer.MIN_VALUE) {
            return 0;
        }
        return mix$original(x);
    }

    @Original
    static int mix$original(int x) {
        throw new AssertionError();
    }
}
