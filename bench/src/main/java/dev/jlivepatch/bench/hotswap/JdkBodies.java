package dev.jlivepatch.bench.hotswap;

/**
 * The replacements of the JDK benchmark patches, as plain static methods: {@link JdkCompiledIn} copies a
 * body into the JDK class in place of the method's own, the JDK method "with the replacement compiled in".
 */
public final class JdkBodies {
    private JdkBodies() {
    }

    /**
     * The replacement of {@code Integer.rotateLeft(int, int)} ({@code patch/jdk/IntegerFix}).
     *
     * @param i the value
     * @param distance the distance
     * @return the rotated value
     */
    public static int rotateLeft(int i, int distance) {
        return (i << distance) | (i >>> -distance);
    }

    /**
     * The replacement of {@code Double.hashCode(double)} ({@code patch/jdkindy/DoubleFix}).
     *
     * @param value the value
     * @return its hash code
     */
    public static int hashCode(double value) {
        long bits = Double.doubleToLongBits(value);
        return (int) (bits ^ (bits >>> 32));
    }
}
