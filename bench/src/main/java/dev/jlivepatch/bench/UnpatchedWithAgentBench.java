package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (a), with the agent: the same calls of {@link Plain#mix(int)} as
 * {@link UnpatchedBench} (inherited), in a JVM where the agent runs with a
 * patch enabled on another class ({@link Target}). The contract says this
 * costs nothing: the agent changes no byte of a class no patch targets.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_PATCH)
public class UnpatchedWithAgentBench extends UnpatchedBench {

    /** Checks that the agent is there and its patch live (this also loads and stubs {@link Target}). */
    @Setup(Level.Trial)
    public void checkPatched() {
        Forks.requireAgent();
        if (Target.mix(1) != 0x2c1b3c6d) {
            throw new IllegalStateException("bench-patch.jar is not live: Target.mix(1) = " + Target.mix(1));
        }
    }
}
