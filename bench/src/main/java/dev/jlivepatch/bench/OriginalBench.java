package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code @Original}'s cost, in the three shapes: the patched call: the stub, the replacement's check, then the original body through the @Original accessor. */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_ORIGINAL_PATCH)
public class OriginalBench extends Shapes {

    /** Checks that the patch runs, where there is one. */
    @Setup(Level.Trial)
    public void check() {
        Forks.requireAgent();
        if (Checked.mix(Integer.MIN_VALUE) != 0 || Checked.mix(1) != Checked.mixChecked(1)) {
            throw new IllegalStateException("bench-original.jar is not live");
        }
    }

    /** One call. */
    @Benchmark
    public int single() {
        return Checked.mix(x);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Checked.mix(v);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Checked.mix(v);
        }
        return v;
    }
}
