package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * For information, the JDK's static path, patched: the calls of
 * {@link JdkUnpatchedBench} (inherited) with {@code Integer.rotateLeft}
 * replaced by an equivalent. {@code java.lang.Integer} belongs to the
 * bootstrap loader, so its stub calls {@code Dispatch.enter(id)} and
 * {@code Dispatch.exit()} (a volatile array read and a thread-local
 * re-entry guard) instead of an {@code invokedynamic}.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_JDK_PATCH)
public class JdkPatchedBench extends JdkUnpatchedBench {

    /** Checks that the patch is live (its post-patch callback ran). */
    @Setup(Level.Trial)
    public void checkPatched() {
        Forks.requireAgent();
        if (!"true".equals(System.getProperty("jlivepatch.bench.jdkpatch"))) {
            throw new IllegalStateException("bench-jdkpatch.jar is not live");
        }
    }
}
