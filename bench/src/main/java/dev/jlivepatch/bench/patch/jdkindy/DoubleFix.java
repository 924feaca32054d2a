package dev.jlivepatch.bench.patch.jdkindy;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.Replace;

/**
 * The benchmark patch of a JDK class outside the linkage set (target/bench-jdkindy.jar): replaces
 * {@code Double.hashCode(double)} by the same computation (the body of
 * {@link dev.jlivepatch.bench.hotswap.JdkBodies#hashCode(double)}), so that its stub is the
 * {@code invokedynamic} one.
 */
@Patch(target = "java.lang.Double")
public final class DoubleFix {
    /** What the benchmark's setup checks to know that the patch is live. */
    public static final String LIVE = "jlivepatch.bench.jdkindy";

    private DoubleFix() {
    }

    @Replace
    static int hashCode(double value) {
        long bits = Double.doubleToLongBits(value);
        return (int) (bits ^ (bits >>> 32));
    }

    @PostPatch
    static void live() {
        System.setProperty(LIVE, "true");
    }
}
