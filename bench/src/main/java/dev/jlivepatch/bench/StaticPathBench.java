package dev.jlivepatch.bench;

import dev.jlivepatch.runtime.Dispatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the static path's time goes ({@link JdkPatchedBench}): in the same fork (the agent with
 * {@code Integer.rotateLeft} patched, numbered site 0), one whole patched call, the stub's entry and exit
 * alone ({@code Dispatch.enter(0)} and {@code Dispatch.exit()}: the snapshot read and the re-entry guard),
 * the snapshot read alone ({@code Dispatch.select(0)}, the old class files' stub, no guard), and one
 * {@code ThreadLocal.get}, for scale. One call each, ns per call.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_JDK_PATCH)
public class StaticPathBench extends Shapes {
    private static final ThreadLocal<int[]> LOCAL = ThreadLocal.withInitial(() -> new int[1]);

    /** Checks that the patch is live and owns site 0. */
    @Setup(Level.Trial)
    public void checkPatched() {
        Forks.requireAgent();
        if (!"true".equals(System.getProperty("jlivepatch.bench.jdkpatch")) || Dispatch.select(0) == null) {
            throw new IllegalStateException("bench-jdkpatch.jar is not live on site 0");
        }
    }

    /** @return a whole patched call through the static stub */
    @Benchmark
    public int call() {
        return Integer.rotateLeft(x, 5);
    }

    /** @return the stub's entry and exit, without the call */
    @Benchmark
    public Object enterExit() {
        Object e = Dispatch.enter(0);
        Dispatch.exit();
        return e;
    }

    /** @return the snapshot read alone */
    @Benchmark
    public Object select() {
        return Dispatch.select(0);
    }

    /** @return one thread-local read */
    @Benchmark
    public int threadLocal() {
        return LOCAL.get()[0];
    }
}
