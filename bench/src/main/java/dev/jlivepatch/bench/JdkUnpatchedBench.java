package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * For information, the JDK's static path, unpatched: calls of
 * {@code Integer.rotateLeft(x, 5)} without the agent. The baseline of
 * {@link JdkPatchedBench}.
 */
@State(Scope.Thread)
@Fork(2)
public class JdkUnpatchedBench extends Shapes {

    /** One call. */
    @Benchmark
    public int single() {
        return Integer.rotateLeft(x, 5);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Integer.rotateLeft(v, 5);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result (plus one, so that it never settles); time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Integer.rotateLeft(v, 5) + 1;
        }
        return v;
    }
}
