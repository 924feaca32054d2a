package dev.jlivepatch.bench;

import dev.jlivepatch.bench.scale.Generator;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * How the cost of a patch grows with its size (issue 14, part 2), one size per JVM: a patch of {@code N}
 * methods (argument) over {@code min(N, 1000)} generated classes ({@link Generator}). Measures the first
 * {@code load} (MBean load to patching complete), then {@code rounds} disable and enable transitions, and
 * for comparison a bare {@code retransformClasses} of the same classes before any patch (the agent's
 * transformer leaves them alone) and with the patch enabled (the agent re-weaves them); for each, the
 * wall time, the safepoints in its window ({@code -Xlog:safepoint}, {@link SafepointLog}) and the longest gap
 * a spinning probe thread saw; and the heap and metaspace the enabled patch keeps (after a full GC), per
 * patched method. Prints one {@code SCALE} line per measurement and appends them to
 * {@code target/scale.csv}. Run by {@code bench/scale.sh}.
 */
public final class ScaleBench {
    private static final String CSV = "target/scale.csv";

    private ScaleBench() {
    }

    /**
     * Runs one size.
     *
     * @param args {@code N [rounds]}
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        int methods = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int classes = Math.min(methods, 1000);
        int per = methods / classes;
        Path dir = Files.createTempDirectory("jlivepatch-scale");
        Path jar = dir.resolve("fix.jar");
        Generator.targets(dir.resolve("classes"), classes, per);
        Generator.patch(jar, "scale", classes, per);
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                ScaleBench.class.getClassLoader());
        Class<?>[] types = new Class<?>[classes];
        for (int i = 0; i < classes; i++) {
            types[i] = Class.forName(Generator.TARGETS.replace('/', '.') + i, true, loader);
        }
        Method probe = types[0].getMethod("m0", int.class);
        check(probe, 3);
        Instrumentation inst = ByteBuddyAgent.install();
        LivepatchBean bean = new LivepatchBean();
        Probe gap = Probe.launch();
        String tag = Runtime.version().feature() + "," + methods + "," + classes;
        for (int r = 0; r < rounds; r++) {
            measure(tag, "retransform-bare", gap, () -> inst.retransformClasses(types));
        }
        long[] before = memory();
        measure(tag, "load", gap, () -> {
            bean.load(jar.toString());
            bean.await(600_000);
        });
        long[] after = memory();
        check(probe, 4);
        report(tag, "memory", String.format(Locale.ROOT, "heap %d B/method, metaspace %d B/method,"
                + " class space %d B/method (heap %+d KiB, metaspace %+d KiB)",
                (after[0] - before[0]) / methods, (after[1] - before[1]) / methods, (after[2] - before[2]) / methods,
                (after[0] - before[0]) / 1024, (after[1] - before[1]) / 1024));
        for (int r = 0; r < rounds; r++) {
            measure(tag, "disable", gap, () -> {
                bean.disable("scale");
                bean.await(600_000);
            });
            measure(tag, "enable", gap, () -> {
                bean.enable("scale");
                bean.await(600_000);
            });
        }
        for (int r = 0; r < rounds; r++) {
            measure(tag, "retransform-patched", gap, () -> inst.retransformClasses(types));
        }
        check(probe, 4);
        gap.finish();
        System.exit(0);
    }

    /** One operation: wall time, safepoints, the probe's longest gap. */
    private static void measure(String tag, String what, Probe gap, Op op) throws Exception {
        SafepointLog log = new SafepointLog();
        Thread.sleep(200);
        long mark = log.mark();
        gap.reset();
        long t0 = System.nanoTime();
        op.run();
        long t1 = System.nanoTime();
        long longestGap = gap.longest();
        SafepointLog.Window w = log.since(mark);
        report(tag, what, String.format(Locale.ROOT, "%.1f ms, %d safepoints, longest %.2f ms, sum %.2f ms,"
                + " probe gap %.2f ms [%s]", (t1 - t0) / 1e6, w.count, w.longest / 1e6, w.sum / 1e6,
                longestGap / 1e6, w.kinds()));
    }

    private static void report(String tag, String what, String text) throws Exception {
        String line = "SCALE " + tag + "," + what + ": " + text;
        System.out.println(line);
        Files.writeString(Path.of(CSV), line.substring(6) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Heap used, metaspace used, class space used, after two full GCs. */
    private static long[] memory() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long[] m = new long[3];
        m[0] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getName().equals("Metaspace")) {
                m[1] = p.getUsage().getUsed();
            } else if (p.getName().equals("Compressed Class Space")) {
                m[2] = p.getUsage().getUsed();
            }
        }
        return m;
    }

    private static void check(Method m, int expected) throws Exception {
        int got = (int) m.invoke(null, 1);
        if (got != expected) {
            throw new IllegalStateException("T0.m0(1) = " + got + ", expected " + expected);
        }
    }

    /** An operation to time. */
    private interface Op {
        void run() throws Exception;
    }

    /** A thread that spins and keeps the longest gap between two of its time stamps since the last reset. */
    private static final class Probe extends Thread {
        private volatile boolean stop;
        private volatile boolean reset;
        private volatile long longest;

        static Probe launch() {
            Probe p = new Probe();
            p.setDaemon(true);
            p.start();
            return p;
        }

        @Override
        public void run() {
            long last = System.nanoTime();
            long max = 0;
            while (!stop) {
                long now = System.nanoTime();
                if (reset) {
                    reset = false;
                    max = 0;
                } else {
                    max = Math.max(max, now - last);
                }
                longest = max;
                last = now;
            }
        }

        void reset() {
            reset = true;
            while (reset) {
                Thread.onSpinWait();
            }
        }

        long longest() {
            return longest;
        }

        void finish() {
            stop = true;
        }
    }
}
