package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (b): calls of {@link Target#mix(int)} patched by jlivepatch, in steady
 * state: the call enters the woven stub ({@code invokedynamic} on a
 * {@code MutableCallSite} whose target is the constant bridge, then
 * {@code Call$I$I.call}), which runs the replacement
 * {@code TargetFix.mix}. Compare with {@link HotSwapBench}, the same
 * replacement compiled into the class.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_PATCH)
public class StubBench extends TargetShapes {

    /** Checks that the replacement runs. */
    @Setup(Level.Trial)
    public void checkPatched() {
        Forks.requireAgent();
        if (Target.mix(1) != 0x2c1b3c6d) {
            throw new IllegalStateException("bench-patch.jar is not live: Target.mix(1) = " + Target.mix(1));
        }
    }
}
