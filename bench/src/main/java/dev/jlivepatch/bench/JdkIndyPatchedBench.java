package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The calls of {@link JdkIndyUnpatchedBench} with {@code Double.hashCode(double)} patched (an equivalent
 * replacement, {@code bench-jdkindy.jar}): {@code java.lang.Double} is outside the linkage set, so its stub
 * is the {@code invokedynamic} one, constant-folded as an application class's.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_JDK_INDY_PATCH)
public class JdkIndyPatchedBench extends JdkIndyUnpatchedBench {

    /** Checks that the patch is live (its post-patch callback ran). */
    @Setup(Level.Trial)
    public void checkPatched() {
        Forks.requireAgent();
        if (!"true".equals(System.getProperty("jlivepatch.bench.jdkindy"))) {
            throw new IllegalStateException("bench-jdkindy.jar is not live");
        }
    }
}
