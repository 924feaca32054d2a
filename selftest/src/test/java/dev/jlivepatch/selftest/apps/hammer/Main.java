package dev.jlivepatch.selftest.apps.hammer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.management.openmbean.CompositeData;

/**
 * The status hammer (issue 8, B2): threads read the agent's status through
 * its MBean without pause while the main thread loads, enables, disables and
 * removes three patches ({@link Driver}), other threads define the patches'
 * four target classes again and again in new class loaders, and others call
 * the loaded ones. Every read must be consistent ({@link StatusCheck}); in
 * the end every loaded target class must run, and be listed as, what the
 * patches in force say.
 *
 * <p>Arguments: the targets jar, the jars of patches h1, h2 and h3, and how
 * long to drive the patches, in milliseconds. Prints {@code OUT hammer: ...}
 * lines; exits 0 unless it failed to run.
 */
public final class Main {
    private static final int MAX_CLASSES = 240;
    private static final long LOAD_PAUSE_MILLIS = 40;
    private static final long SLEEP_MILLIS = 10;
    private static final Pattern BLOCKER = Pattern.compile("thread '.+' \\(id \\d+(, virtual)?\\) in .+");

    private final Stack stack = new Stack();
    private final Problems errors = new Problems();
    private final Problems inconsistent = new Problems();
    private final Loaded loaded;
    private final Driver driver;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopLoading;
    private volatile boolean stop;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong readsInTransition = new AtomicLong();
    private final AtomicLong blockerReads = new AtomicLong();
    private final AtomicLong blockersSeen = new AtomicLong();
    private final AtomicLong loadedIdle = new AtomicLong();
    private final AtomicLong loadedBusy = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    private Main(String[] args) throws Exception {
        loaded = new Loaded(Path.of(args[0]).toUri().toURL());
        driver = new Driver(stack, Map.of("h1", args[1], "h2", args[2], "h3", args[3]), errors);
    }

    public static void main(String[] args) throws Exception {
        new Main(args).run(Long.parseLong(args[4]));
    }

    private void run(long millis) throws Exception {
        for (int i = 0; i < 2; i++) {
            start("status-" + i, this::readPatches);
        }
        start("blockers", this::readBlockers);
        for (int i = 0; i < 2; i++) {
            start("loader-" + i, this::load);
        }
        start("caller", () -> call(0));
        start("sleeper", () -> call(SLEEP_MILLIS));
        long started = System.nanoTime();
        driver.run(millis, () -> reads.get() >= 200 && readsInTransition.get() > 0
                && loadedBusy.get() > 0 && loadedIdle.get() > 0);
        stopLoading = true;
        for (Thread t : threads) {
            if (t.getName().startsWith("loader-")) {
                t.join(10_000);
            }
        }
        if (!Mbean.awaitTransition(30_000)) {
            errors.add("the last transition never completed");
        }
        stop = true;
        for (Thread t : threads) {
            t.join(10_000);
            if (t.isAlive()) {
                errors.add(t.getName() + " did not stop");
            }
        }
        System.out.println("hammer took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        out("commands " + driver.commands + ", refused as busy " + driver.refusedBusy + ", turned round "
                + driver.turnedRound);
        out("classes loaded " + loaded.size() + ": between transitions " + loadedIdle + ", during "
                + loadedBusy);
        out("status reads " + reads + ", during a transition " + readsInTransition + "; blocker reads "
                + blockerReads + ", blockers seen " + blockersSeen + "; calls " + calls);
        out("inconsistent reads: " + inconsistent);
        out("errors: " + errors);
        out("final: " + finalState());
    }

    /** The end: every loaded target runs what the model says, and the status lists it so. */
    private String finalState() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<Loaded.Instance> all = loaded.all();
        for (Loaded.Instance i : all) {
            String ran = i.task().work();
            if (!ran.equals(stack.expected(i.simpleName()))) {
                wrong.add(i + " runs " + ran + ", not " + stack.expected(i.simpleName()));
            }
        }
        CompositeData[] patches = Mbean.patches();
        List<String> listed = new ArrayList<>();
        for (CompositeData p : patches) {
            listed.add(p.get("id") + " enabled=" + p.get("enabled") + " " + p.get("transition"));
        }
        List<String> model = new ArrayList<>();
        for (String id : stack.loaded()) {
            model.add(id + " enabled=" + stack.enabled(id) + " none");
        }
        if (!listed.equals(model)) {
            wrong.add("patches " + listed + ", expected " + model);
        }
        wrong.addAll(StatusCheck.problems(patches, all));
        return wrong.isEmpty() ? "consistent, " + all.size() + " target classes, " + StatusCheck.brief(patches)
                : "WRONG " + wrong.size() + " " + wrong.subList(0, Math.min(8, wrong.size()));
    }

    private void readPatches() throws Exception {
        while (!stop) {
            List<Loaded.Instance> known = loaded.all();
            CompositeData[] patches = Mbean.patches();
            reads.incrementAndGet();
            for (CompositeData p : patches) {
                if (!"none".equals(p.get("transition"))) {
                    readsInTransition.incrementAndGet();
                    break;
                }
            }
            List<String> bad = StatusCheck.problems(patches, known);
            if (!bad.isEmpty()) {
                inconsistent.add(bad.size() + " problems " + bad.subList(0, Math.min(3, bad.size())) + " in "
                        + StatusCheck.brief(patches));
            }
        }
    }

    /** Blockers, as text and item by item: a blocker sits in a method of a target class. */
    private void readBlockers() throws Exception {
        while (!stop) {
            for (String b : Mbean.blockers()) {
                blockersSeen.incrementAndGet();
                if (!BLOCKER.matcher(b).matches() || !b.contains(Loaded.PACKAGE)) {
                    inconsistent.add("blocker " + b);
                }
            }
            for (CompositeData b : Mbean.blockingThreads()) {
                if (!((String) b.get("frame")).contains(Loaded.PACKAGE) || (Long) b.get("threadId") <= 0) {
                    inconsistent.add("blocking thread " + b);
                }
            }
            blockerReads.incrementAndGet();
            Thread.yield();
        }
    }

    private void load() throws Exception {
        while (!stopLoading && loaded.size() < MAX_CLASSES) {
            boolean busy = driver.busy;
            Loaded.Instance i = loaded.loadNext();
            String ran = i.task().work();
            if (!Stack.possible(i.simpleName(), ran)) {
                errors.add(i + " ran " + ran + " as it loaded");
            }
            (busy || driver.busy ? loadedBusy : loadedIdle).incrementAndGet();
            Thread.sleep(LOAD_PAUSE_MILLIS);
        }
    }

    /**
     * Calls loaded targets, one after another at random: {@code work()}, or
     * {@code slow(sleep)}, which holds up a transition that affects it.
     */
    private void call(long sleep) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop) {
            List<Loaded.Instance> all = loaded.all();
            if (all.isEmpty()) {
                Thread.sleep(1);
                continue;
            }
            Loaded.Instance i = all.get(random.nextInt(all.size()));
            String ran = sleep > 0 ? i.task().slow(sleep) : i.task().work();
            if (!Stack.possible(i.simpleName(), ran)) {
                errors.add(i + " ran " + ran);
            }
            calls.incrementAndGet();
            Thread.yield();
        }
    }

    /** A part of the hammer, on its own daemon thread; a throwable it ends with is an error. */
    private interface Part {
        void run() throws Exception;
    }

    private void start(String name, Part part) {
        Thread t = new Thread(() -> {
            try {
                part.run();
            } catch (Throwable e) {
                errors.add(name + ": " + e);
                e.printStackTrace();
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private static void out(String line) {
        System.out.println("OUT hammer: " + line);
    }
}
