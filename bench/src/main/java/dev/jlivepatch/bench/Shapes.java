package dev.jlivepatch.bench;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The inputs that every benchmark's three shapes share, and their defaults:
 * average time in ns per call. Subclasses hold the {@code @Benchmark} methods,
 * each calling its own static method directly (no virtual call in the way).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class Shapes {
    /** Calls per invocation of the {@code loop} and {@code chain} shapes. */
    public static final int N = 1024;

    /** The argument of {@code single} and the seed of {@code chain}. */
    protected int x;
    /** The arguments of {@code loop}. */
    protected final int[] data = new int[N];

    /** Fills the inputs with values the JIT cannot predict. */
    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom r = new SplittableRandom(42);
        x = r.nextInt();
        for (int i = 0; i < N; i++) {
            data[i] = r.nextInt();
        }
    }
}
