package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Case (a), without the agent: calls of {@link Plain#mix(int)}, a method of a
 * class that no patch targets. The baseline of {@link UnpatchedWithAgentBench}.
 */
@State(Scope.Thread)
@Fork(2)
public class UnpatchedBench extends Shapes {

    /** One call. */
    @Benchmark
    public int single() {
        return Plain.mix(x);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Plain.mix(v);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Plain.mix(v);
        }
        return v;
    }
}
