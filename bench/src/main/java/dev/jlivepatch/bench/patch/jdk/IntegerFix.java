package dev.jlivepatch.bench.patch.jdk;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.Replace;

/**
 * The JDK benchmark patch (target/bench-jdkpatch.jar): replaces
 * {@code Integer.rotateLeft(int, int)} by the same computation, so that the
 * JDK keeps working while every call goes through a static-path stub.
 */
@Patch(target = "java.lang.Integer")
public final class IntegerFix {
    /** What the benchmark's setup checks to know that the patch is live. */
    public static final String LIVE = "jlivepatch.bench.jdkpatch";

    private IntegerFix() {
    }

    @Replace
    static int rotateLeft(int i, int distance) {
        return (i << distance) | (i >>> -distance);
    }

    @PostPatch
    static void live() {
        System.setProperty(LIVE, "true");
    }
}
