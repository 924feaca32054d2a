package dev.jlivepatch.bench;

/** A class no patch targets: the same body as {@link Target}'s original (case a). */
public final class Plain {
    private Plain() {
    }

    /**
     * @param x any value
     * @return {@code (x ^ (x >>> 16)) * 0x45d9f3b}
     */
    public static int mix(int x) {
        return (x ^ (x >>> 16)) * 0x45d9f3b;
    }
}
