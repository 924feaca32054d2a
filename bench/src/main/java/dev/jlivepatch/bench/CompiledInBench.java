package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** {@code @Original}'s cost, in the three shapes: the baseline: the same check and body compiled into one method, no agent. */
@State(Scope.Thread)
@Fork(2)
public class CompiledInBench extends Shapes {

    /** Checks that the patch runs, where there is one. */
    @Setup(Level.Trial)
    public void check() {
        // nothing: no agent
    }

    /** One call. */
    @Benchmark
    public int single() {
        return Checked.mixChecked(x);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Checked.mixChecked(v);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Checked.mixChecked(v);
        }
        return v;
    }
}
