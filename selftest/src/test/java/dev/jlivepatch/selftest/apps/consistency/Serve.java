package dev.jlivepatch.selftest.apps.consistency;

import dev.jlivepatch.selftest.apps.Ctl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads shaped like a server's request handlers: each calls
 * {@link Pair#request} in a loop, which waits 2 ms inside the caller (as a
 * handler waits on a database) and then calls the callee. Every thread spends
 * nearly all its time inside the patched caller, yet leaves it and enters it
 * again every few milliseconds, so each has a clean stack many times a
 * second. Meanwhile the main thread runs patch {@code pair} through
 * {@code CYCLES} load, disable, remove cycles, then loads it once more and
 * runs {@code CYCLES} disable, enable cycles, and removes it. Every transition
 * must complete (within {@value #AWAIT_MILLIS} ms; the scenario stops at the
 * first that does not, naming its blockers), no chain may mix versions, and
 * after each transition every thread must run a request of the version in
 * force.
 */
final class Serve {
    static final long AWAIT_MILLIS = 20_000;
    private static final long SETTLE_MILLIS = 20_000;

    private final List<Worker> workers = new ArrayList<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errorCount = new AtomicInteger();
    private final List<Long> millis = new ArrayList<>();
    private final String jar;
    private volatile boolean stop;
    private volatile long epoch;
    private int transitions;
    private int completed;
    /** Transitions whose record counted fewer switched threads (themselves or by the manager) than handlers. */
    private final List<String> undercounted = new ArrayList<>();
    private long selfSwitched;
    private long managerSwitched;
    private boolean stalled;

    private Serve(String jar) {
        this.jar = jar;
    }

    /** One handler thread and what it saw. Counters are written by the worker only. */
    private final class Worker implements Runnable {
        final Thread thread;
        final long[] calls = new long[1];
        volatile long requests;
        volatile long olds;
        volatile long news;
        volatile long mixed;
        /** The epoch read before the last request began, shifted left by 2, with the request's bits. */
        volatile long last = -1;

        Worker(String name, boolean virtual) {
            this.thread = Spawn.thread(name, virtual, this);
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    long e = epoch;
                    int seen = Pair.request(calls);
                    requests++;
                    if (seen == Pair.OLD) {
                        olds++;
                    } else if (seen == Pair.NEW) {
                        news++;
                    } else if (seen == Pair.MIXED) {
                        mixed++;
                    } else {
                        error(thread.getName() + ": request returned " + seen);
                    }
                    last = e << 2 | seen;
                }
            } catch (Throwable t) {
                error(thread.getName() + " died: " + t);
            }
        }
    }

    /**
     * Runs the scenario; patch {@code pair} must not be loaded.
     *
     * @param platform platform handler threads
     * @param virtual virtual handler threads
     * @param cycles load/disable/remove cycles, then as many disable/enable cycles
     * @param jar the patch jar
     */
    static void run(int platform, int virtual, int cycles, String jar) throws InterruptedException {
        new Serve(jar).go(platform, virtual, cycles);
    }

    private void go(int platform, int virtual, int cycles) throws InterruptedException {
        for (int i = 0; i < platform; i++) {
            workers.add(new Worker("handler-" + i, false));
        }
        for (int i = 0; i < virtual; i++) {
            workers.add(new Worker("vhandler-" + i, true));
        }
        long started = System.nanoTime();
        workers.forEach(w -> w.thread.start());
        settle(Pair.OLD);
        for (int i = 0; i < cycles && !stalled; i++) {
            if (transition("load", jar, Pair.NEW) && transition("disable", "pair", Pair.OLD)) {
                op("remove", "pair");
            }
        }
        if (!stalled && transition("load", jar, Pair.NEW)) {
            for (int i = 0; i < cycles && !stalled; i++) {
                if (transition("disable", "pair", Pair.OLD)) {
                    transition("enable", "pair", Pair.NEW);
                }
            }
            if (!stalled && transition("disable", "pair", Pair.OLD)) {
                op("remove", "pair");
            }
        }
        stop = true;
        for (Worker w : workers) {
            w.thread.join(10_000);
            if (w.thread.isAlive()) {
                error(w.thread.getName() + " did not stop");
            }
        }
        long requests = 0;
        long mixed = 0;
        long lost = 0;
        boolean both = true;
        for (Worker w : workers) {
            requests += w.requests;
            mixed += w.mixed;
            lost += Math.abs(w.requests - w.calls[0]);
            both &= w.olds > 0 && w.news > 0;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        // For whoever tunes it (not an OUT line: the tests do not read it).
        System.out.println("serve took " + (System.nanoTime() - started) / 1_000_000 + " ms, " + requests
                + " requests; transitions (op to complete, ms): median "
                + (sorted.isEmpty() ? "-" : sorted.get(sorted.size() / 2)) + ", max "
                + (sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1)) + ", all " + millis);
        Ctl.out("serve: " + workers.size() + " handlers (" + platform + " platform, " + virtual + " virtual), "
                + cycles + " cycles");
        Ctl.out("serve: transitions complete: " + completed + " of " + transitions);
        Ctl.out("serve: mixed chains: " + mixed);
        Ctl.out("serve: lost calls: " + lost);
        Ctl.out("serve: every handler ran both versions: " + both);
        Ctl.out("serve: every transition's record counts every handler switched: " + undercounted);
        System.out.println("serve: threads switched by themselves " + selfSwitched + ", by the manager "
                + managerSwitched);
        Ctl.out("serve: " + errorCount.get() + " errors " + errors);
        Ctl.out("serve: final pair " + Ctl.state("pair"));
    }

    private void error(String what) {
        if (errorCount.incrementAndGet() <= 10) {
            errors.add(what);
        }
    }

    /**
     * Runs an operation that starts a transition, waits for it, then for every
     * handler to run a request of {@code version}.
     *
     * @return whether the transition completed
     */
    private boolean transition(String name, String arg, int version) throws InterruptedException {
        transitions++;
        long t = System.nanoTime();
        if (!op(name, arg)) {
            stalled = true;
            return false;
        }
        boolean done = Ctl.awaitTransition(AWAIT_MILLIS);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (!done) {
            List<String> blockers = Ctl.blockers();
            error(name + " #" + transitions + ": transition not complete after " + AWAIT_MILLIS + " ms: "
                    + Ctl.state("pair") + ", " + blockers.size() + " blockers, first "
                    + blockers.subList(0, Math.min(3, blockers.size())));
            stalled = true;
            return false;
        }
        completed++;
        millis.add(ms);
        javax.management.openmbean.CompositeData last = Ctl.lastTransition();
        long self = (Long) last.get("selfSwitched");
        long manager = (Long) last.get("managerSwitched");
        selfSwitched += self;
        managerSwitched += manager;
        if (self + manager < workers.size() || !"pair".equals(last.get("patch"))
                || !(version == Pair.NEW ? "patching" : "unpatching").equals(last.get("kind"))) {
            undercounted.add(name + " #" + transitions + ": " + last);
        }
        settle(version);
        return true;
    }

    /** Runs an operation; a refusal is an error (Ctl prints its reason). */
    private boolean op(String name, String arg) {
        if (!Ctl.op(name, arg)) {
            error(name + " refused");
            return false;
        }
        return true;
    }

    /** Every handler completes a request that began after this call, and that request ran {@code version}. */
    private void settle(int version) throws InterruptedException {
        long e = ++epoch;
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        for (Worker w : workers) {
            long l;
            while ((l = w.last) >>> 2 != e && w.thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (l >>> 2 != e) {
                error(w.thread.getName() + " ran no request within " + SETTLE_MILLIS + " ms of epoch " + e);
            } else if ((l & 3) != version) {
                error(w.thread.getName() + " ran a " + Pair.name((int) (l & 3)) + " request, not "
                        + Pair.name(version) + ", after the transition completed (epoch " + e + ")");
            }
        }
    }
}
