package dev.jlivepatch.bench;

/**
 * The target of the {@code @Original} benchmarks: {@link #mix(int)} is replaced by
 * {@code patch.original.CheckedFix.mix}, which checks its argument and then runs this original body through
 * its {@code @Original} accessor ({@link OriginalBench}); {@link #mixChecked(int)} is the same check and body
 * compiled in ({@link CompiledInBench}), the baseline.
 */
public final class Checked {
    private Checked() {
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

    /**
     * What the patched {@link #mix(int)} computes, compiled in: the check, then the original body.
     *
     * @param x any value
     * @return 0 for {@code Integer.MIN_VALUE}, else {@code (x ^ (x >>> 16)) * 0x45d9f3b}
     */
    public static int mixChecked(int x) {
        if (x == Integer.MIN_VALUE) {
            return 0;
        }
        return (x ^ (x >>> 16)) * 0x45d9f3b;
    }
}
