package dev.jlivepatch.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a transition takes under load, as a ratio against one all-threads
 * stack dump taken in the same JVM under the same load (issue 9, §2). Not a
 * JMH benchmark: one JVM, with the agent, runs the load and alternates a
 * stack dump and a transition (disable, enable, disable, ...), reading each
 * transition's duration from the agent's own completion log line
 * ({@code 'ID': patching complete in 12 ms}: from its {@code starting ...
 * transition} line to its {@code ... complete} line).
 *
 * <pre>
 * java -javaagent:../agent/target/jlivepatch.jar -cp target/benchmarks.jar \
 *     dev.jlivepatch.bench.TransitionRatio CASE THREADS [TRANSITIONS]
 * </pre>
 *
 * <p>Cases: {@code handlers} (platform threads calling {@link Handler#request}
 * in a loop: 2 ms inside the caller, then the callee; patch
 * {@code target/bench-handlerpatch.jar}), {@code vhandlers} (the same on
 * virtual threads, JDK 21+), {@code patched} (platform threads 30 frames deep
 * calling the patched {@link Target#mix} in a tight loop), {@code busy}
 * (spinning in an unpatched method) and {@code idle} (parked), both with patch
 * {@code target/bench-patch.jar}. The dump is {@link Thread#getAllStackTraces}
 * plus, for virtual threads, each one's {@link Thread#getStackTrace}: what a
 * full thread dump reads. Run from {@code bench/}.
 */
public final class TransitionRatio {
    private static final Pattern COMPLETE = Pattern.compile("'([^']*)': (patching|unpatching) complete in ([0-9.]+) (m?s)");
    private static final LinkedBlockingQueue<double[]> DONE = new LinkedBlockingQueue<>();
    private static volatile boolean running = true;

    private TransitionRatio() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int threads = Integer.parseInt(args[1]);
        int transitions = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        teeStandardError();
        // The targets are loaded, so that each transition weaves (enable) or strips (disable) them, as in
        // an application that uses them.
        Target.mix(1);
        Handler.callee(1);
        LivepatchBean bean = new LivepatchBean();
        boolean handlers = kind.endsWith("handlers");
        String id = bean.load(handlers ? "target/bench-handlerpatch.jar" : "target/bench-patch.jar");
        bean.await(120_000);
        take(120_000);
        List<Thread> virtual = new ArrayList<>();
        AppThreads app = null;
        switch (kind) {
            case "handlers" -> startHandlers(threads, false, virtual);
            case "vhandlers" -> startHandlers(threads, true, virtual);
            case "patched" -> app = new AppThreads(threads, AppThreads.Load.PATCHED);
            case "busy" -> app = new AppThreads(threads, AppThreads.Load.BUSY);
            case "idle" -> app = new AppThreads(threads, AppThreads.Load.IDLE);
            default -> throw new IllegalArgumentException("unknown case " + kind);
        }
        Thread.sleep(2000); // let the load settle and the JIT compile it
        List<Double> dumps = new ArrayList<>();
        List<Double> took = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        boolean enabled = true;
        int warmup = Integer.getInteger("ratio.warmup", 4);
        for (int i = 0; i < warmup + transitions; i++) {
            long t0 = System.nanoTime();
            int frames = dump(virtual);
            double dumpMillis = (System.nanoTime() - t0) / 1e6;
            long opStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            if (enabled) {
                bean.disable(id);
            } else {
                bean.enable(id);
            }
            enabled = !enabled;
            bean.await(600_000);
            double[] line = take(10_000);
            long opEnd = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
            if (i < warmup) {
                continue;
            }
            // For reading -Xlog:safepoint: the transitions' own safepoints are those inside these windows.
            System.out.println("WINDOW " + opStart + " " + opEnd);
            dumps.add(dumpMillis);
            took.add(line[0]);
            ratios.add(line[0] / dumpMillis);
            System.out.printf(Locale.ROOT, "%s %d: %s %.1f ms, dump %.1f ms (%d frames), ratio %.2f; %s%n", kind,
                    threads, enabled ? "enable" : "disable", line[0], dumpMillis, frames, line[0] / dumpMillis,
                    bean.lastTransition());
            Thread.sleep(100);
        }
        running = false;
        if (app != null) {
            app.stop();
        }
        System.out.printf(Locale.ROOT, "RATIO %s threads=%d jdk=%s transitions=%d: transition median %.1f ms"
                        + " (p95 %.1f, max %.1f); dump median %.1f ms (max %.1f); ratio of medians %.2f;"
                        + " per-transition ratio median %.2f, p95 %.2f, max %.2f%n",
                kind, threads, Runtime.version(), took.size(), pct(took, 50), pct(took, 95), pct(took, 100),
                pct(dumps, 50), pct(dumps, 100), pct(took, 50) / pct(dumps, 50), pct(ratios, 50), pct(ratios, 95),
                pct(ratios, 100));
        System.exit(0);
    }

    /** One all-threads stack dump: the platform threads in one batch, then each virtual thread. */
    private static int dump(List<Thread> virtual) {
        int frames = 0;
        for (StackTraceElement[] s : Thread.getAllStackTraces().values()) {
            frames += s.length;
        }
        for (Thread v : virtual) {
            frames += v.getStackTrace().length;
        }
        return frames;
    }

    private static void startHandlers(int n, boolean virtual, List<Thread> virtuals) throws Exception {
        MethodHandle factory = virtual ? virtualFactory() : null;
        for (int i = 0; i < n; i++) {
            Runnable body = () -> {
                int x = 0;
                while (running) {
                    x = Handler.request(x);
                }
            };
            Thread t;
            if (virtual) {
                try {
                    t = (Thread) factory.invoke("vhandler-" + i, body);
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                virtuals.add(t);
            } else {
                t = new Thread(body, "handler-" + i);
                t.setDaemon(true);
            }
            t.start();
        }
    }

    /** {@code (name, body) -> Thread.ofVirtual().name(name).unstarted(body)}: compiled for Java 17. */
    private static MethodHandle virtualFactory() throws ReflectiveOperationException {
        MethodHandles.Lookup l = MethodHandles.publicLookup();
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        MethodHandle of = l.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
        MethodHandle name = l.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class));
        MethodHandle unstarted = l.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class,
                Runnable.class));
        MethodHandle named = MethodHandles.collectArguments(name, 0, of);
        MethodHandle u = unstarted.asType(MethodType.methodType(Thread.class, ofVirtual, Runnable.class));
        return MethodHandles.collectArguments(u, 0, named);
    }

    /** Standard error still prints; each completion line of the agent is also handed to {@link #take}. */
    private static void teeStandardError() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new java.io.OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                if (b == '\n') {
                    String l = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    Matcher m = COMPLETE.matcher(l);
                    if (m.find()) {
                        double v = Double.parseDouble(m.group(3)) * (m.group(4).equals("s") ? 1000 : 1);
                        DONE.add(new double[] {v});
                    }
                } else {
                    line.write(b);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8));
    }

    private static double[] take(long millis) throws InterruptedException {
        double[] d = DONE.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new IllegalStateException("no completion line in the agent's log");
        }
        return d;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }
}
