package dev.jlivepatch.bench;

import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * How long a transition takes with many live threads, and the longest pause
 * an application thread sees meanwhile (issue 5, item 5). The fork runs the
 * real agent; the benchmark loads {@code target/bench-patch.jar} (which
 * replaces {@link Target#mix}) through the agent's MBean, starts
 * {@code threads} application threads doing {@code load} (see
 * {@link AppThreads}), and times, one operation per iteration:
 * <ul>
 *   <li>{@link #enable}: the MBean's {@code enable}, then
 *       {@code awaitTransition}: enable to complete, the patching transition;</li>
 *   <li>{@link #disable}: the same for {@code disable}, the unpatching one;</li>
 *   <li>{@link #retransform}: for comparison, one
 *       {@code Instrumentation.retransformClasses(Target.class)} (one
 *       redefinition safepoint), through a second, self-attached agent.</li>
 * </ul>
 * The iteration's set-up brings the patch to the state the operation starts
 * from and waits for that transition to complete (timed as well: a row of its
 * own in the CSV, marked {@code setup}); then it measures a window of the
 * same length without any operation (5 ms to 1 s), the baseline for pauses. Pauses are
 * measured twice: as the longest gap any spinning application thread saw
 * ({@link AppThreads}), which includes the OS running other threads, and as
 * the safepoints the fork's own safepoint log shows in the window
 * ({@link SafepointLog}), which is exactly how long the JVM stopped them.
 * Each iteration's figures go to {@code target/transition-pauses.csv}
 * (appended) and a summary is printed at the end of each trial. The JMH score
 * is the operation's time in milliseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(value = 1, jvmArgsAppend = {Forks.AGENT, Forks.SELF_ATTACH, Forks.DYNAMIC_AGENTS, Forks.SAFEPOINT_LOG})
public class TransitionBench {
    private static final String PATCH_JAR = "target/bench-patch.jar";
    private static final Path CSV = Path.of("target/transition-pauses.csv");
    private static final int ORIGINAL_1 = 0x45d9f3b;
    private static final int PATCHED_1 = 0x2c1b3c6d;
    private static final long AWAIT_MILLIS = 120_000;

    /** Live application threads (besides the JVM's and JMH's own). */
    @Param({"10", "100", "1000"})
    public int threads;

    /** What they do: {@code idle}, {@code busy} (unrelated code) or {@code patched} (calling the patched method). */
    @Param({"idle", "busy", "patched"})
    public String load;

    private LivepatchBean bean;
    private String id;
    private boolean enabled;
    private Instrumentation inst;
    private AppThreads app;
    private String operation;
    private long opStart;
    private long opEnd;
    private long callNanos;
    private long baselineGap;
    private long lastOpNanos = 5_000_000;
    private final SafepointLog safepoints = new SafepointLog();
    private SafepointLog.Window baselineSafepoints;
    private long opMark;
    private final Stats stats = new Stats();

    /** Loads the patch through the MBean, then starts the application threads. */
    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws Exception {
        Forks.requireAgent();
        String name = params.getBenchmark();
        operation = name.substring(name.lastIndexOf('.') + 1);
        bean = new LivepatchBean();
        id = bean.load(Path.of(PATCH_JAR).toAbsolutePath().toString());
        bean.await(AWAIT_MILLIS);
        enabled = true;
        expect(PATCHED_1);
        if (operation.equals("retransform")) {
            inst = ByteBuddyAgent.install();
        }
        app = new AppThreads(threads, AppThreads.Load.valueOf(load.toUpperCase()));
    }

    /** Stops the threads and prints the trial's summary. */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        app.stop();
        System.out.println(stats.summary(operation, load, threads));
    }

    /** Brings the patch to the state the operation starts from, then measures a baseline window. */
    @Setup(Level.Iteration)
    public void prepare() throws Exception {
        boolean wanted = !operation.equals("enable");
        if (enabled != wanted) {
            // The opposite transition: timed too (its own row in the CSV), though not by JMH.
            long mark = safepoints.mark();
            long start = System.nanoTime();
            if (wanted) {
                bean.enable(id);
            } else {
                bean.disable(id);
            }
            long call = System.nanoTime() - start;
            bean.await(AWAIT_MILLIS);
            long took = System.nanoTime() - start;
            enabled = wanted;
            SafepointLog.Window sp = safepoints.since(mark);
            row(wanted ? "enable" : "disable", "setup", took, call, -1, -1, sp, null);
        }
        expect(enabled ? PATCHED_1 : ORIGINAL_1);
        Thread.sleep(20); // let the deoptimisations of the last transition settle
        app.openWindow();
        long mark = safepoints.mark();
        // As long as the last operation, within 5 ms .. 1 s: long enough to see the usual gaps, short enough
        // for the runs where every safepoint takes seconds.
        long end = System.nanoTime() + Math.min(Math.max(lastOpNanos, 5_000_000), 1_000_000_000);
        while (System.nanoTime() - end < 0) {
            Thread.sleep(1);
        }
        baselineGap = app.closeWindow(end);
        baselineSafepoints = safepoints.since(mark);
        app.openWindow();
        opMark = safepoints.mark();
    }

    /** Records the iteration's pause and times. */
    @TearDown(Level.Iteration)
    public void record(IterationParams iteration) throws Exception {
        long gap = app.closeWindow(opEnd);
        SafepointLog.Window sp = safepoints.since(opMark);
        expect(enabled ? PATCHED_1 : ORIGINAL_1);
        lastOpNanos = opEnd - opStart;
        boolean measured = iteration.getType() == IterationType.MEASUREMENT;
        if (measured) {
            stats.add(lastOpNanos, callNanos, gap, baselineGap, sp.longest, baselineSafepoints.longest);
        }
        row(operation, measured ? "measure" : "warmup", lastOpNanos, callNanos, gap, baselineGap, sp, baselineSafepoints);
    }

    /** Appends one row to the CSV; negative gaps and a null baseline are written as empty fields. */
    private void row(String op, String kind, long opNanos, long call, long gap, long baseGap, SafepointLog.Window sp,
                     SafepointLog.Window base) throws java.io.IOException {
        String line = String.join(",", System.getProperty("java.version"), op, load, String.valueOf(threads), kind,
                ms(opNanos), ms(call), gap < 0 ? "" : ms(gap), baseGap < 0 ? "" : ms(baseGap),
                String.valueOf(sp.count), ms(sp.longest), ms(sp.sum), sp.kinds(),
                base == null ? "" : String.valueOf(base.count), base == null ? "" : ms(base.longest)) + "\n";
        if (!Files.exists(CSV)) {
            Files.writeString(CSV, "jdk,operation,load,threads,iteration,op_ms,call_ms,max_gap_ms,baseline_max_gap_ms,"
                    + "safepoints,longest_safepoint_ms,safepoint_sum_ms,safepoint_kinds,baseline_safepoints,"
                    + "baseline_longest_safepoint_ms\n");
        }
        Files.writeString(CSV, line, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Enable to complete: the patching transition. */
    @Benchmark
    public void enable() throws Exception {
        opStart = System.nanoTime();
        bean.enable(id);
        callNanos = System.nanoTime() - opStart;
        bean.await(AWAIT_MILLIS);
        opEnd = System.nanoTime();
        enabled = true;
    }

    /** Disable to complete: the unpatching transition. */
    @Benchmark
    public void disable() throws Exception {
        opStart = System.nanoTime();
        bean.disable(id);
        callNanos = System.nanoTime() - opStart;
        bean.await(AWAIT_MILLIS);
        opEnd = System.nanoTime();
        enabled = false;
    }

    /** For comparison: one retransformation of the patched class, with the patch enabled. */
    @Benchmark
    public void retransform() throws Exception {
        opStart = System.nanoTime();
        inst.retransformClasses(Target.class);
        opEnd = System.nanoTime();
        callNanos = opEnd - opStart;
    }

    /** Fails the trial when the patch is not in the state the benchmark believes. */
    private void expect(int value) {
        if (Target.mix(1) != value) {
            throw new IllegalStateException("Target.mix(1) = " + Target.mix(1) + ", expected " + value
                    + ": the patch is not in the state the benchmark set");
        }
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
