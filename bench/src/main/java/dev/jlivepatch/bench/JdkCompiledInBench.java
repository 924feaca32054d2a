package dev.jlivepatch.bench;

import dev.jlivepatch.bench.hotswap.JdkCompiledIn;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The baseline of {@link JdkPatchedBench}: {@code java.lang.Integer} redefined with the replacement's body
 * compiled into {@code rotateLeft(int, int)}, no jlivepatch agent.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {Forks.SELF_ATTACH, Forks.DYNAMIC_AGENTS})
public class JdkCompiledInBench extends JdkUnpatchedBench {

    /** Redefines {@code Integer} before any call is compiled. */
    @Setup(Level.Trial)
    public void redefine() throws Exception {
        JdkCompiledIn.redefine(Integer.class, "rotateLeft", "(II)I");
    }
}
