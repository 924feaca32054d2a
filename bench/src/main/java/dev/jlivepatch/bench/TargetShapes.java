package dev.jlivepatch.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;

/**
 * The three shapes over {@link Target#mix(int)}, shared by the benchmarks
 * that patch it ({@link StubBench}), redefine it ({@link HotSwapBench}) or
 * count its calls ({@link CountingBench}), so that they compare the very same
 * call sites. JMH generates them for each concrete subclass.
 */
public abstract class TargetShapes extends Shapes {

    /** One call. */
    @Benchmark
    public int single() {
        return Target.mix(x);
    }

    /** 1024 independent calls, results summed; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int loop() {
        int sum = 0;
        for (int v : data) {
            sum += Target.mix(v);
        }
        return sum;
    }

    /** 1024 calls, each on the previous result; time per call. */
    @Benchmark
    @OperationsPerInvocation(N)
    public int chain() {
        int v = x;
        for (int i = 0; i < N; i++) {
            v = Target.mix(v);
        }
        return v;
    }
}
