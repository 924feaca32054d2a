package dev.jlivepatch.bench;

/**
 * The class the benchmark patch targets. {@link #mix(int)} is replaced by
 * {@code dev.jlivepatch.bench.patch.fix.TargetFix.mix} (a jlivepatch stub,
 * case b) or by {@link dev.jlivepatch.bench.hotswap.Target} (HotSwap, case c);
 * both compute {@code (x ^ (x >>> 15)) * 0x2c1b3c6d}.
 */
public final class Target {
    private Target() {
    }

    /**
     * The original body.
     *
     * @param x any value
     * @return {@code (x ^ (x >>> 16)) * 0x45d9f3b}
     */
    public static int mix(int x) {
        return (x ^ (x >>> 16)) * 0x45d9f3b;
    }
}
