package dev.jlivepatch.bench.hotswap;

/**
 * The replacement compiled into the class: the same members as
 * {@link dev.jlivepatch.bench.Target}, with the patched body. Its class file,
 * renamed to {@code dev.jlivepatch.bench.Target}, is what
 * {@link dev.jlivepatch.bench.HotSwapBench} installs with
 * {@code Instrumentation.redefineClasses} (case c).
 */
public final class Target {
    private Target() {
    }

    /**
     * The patched body.
     *
     * @param x any value
     * @return {@code (x ^ (x >>> 15)) * 0x2c1b3c6d}
     */
    public static int mix(int x) {
        return (x ^ (x >>> 15)) * 0x2c1b3c6d;
    }
}
