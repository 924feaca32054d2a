package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A JDK method of a class outside the linkage set, unpatched, no agent: {@code Double.hashCode(double)} in
 * the three shapes. The baseline of {@link JdkIndyPatchedBench} and {@link JdkIndyCompiledInBench}.
 */
@State(Scope.Thread)
@Fork(2)
public class JdkIndyUnpatchedBench extends Shapes {

    /** One call. */
    @Benchmark
    public int single() {
        return Double.hashCode(x);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Double.hashCode(v);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Double.hashCode(v) + i;
        }
        return v;
    }
}
