package dev.jlivepatch.selftest.apps.consistency;

import dev.jlivepatch.selftest.apps.Ctl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The torture: worker threads call {@link Pair#chain} without end while the
 * main thread enables and disables patch {@code pair} again and again, some
 * transitions awaited, others reversed at once while they run. Each worker
 * counts its chains by the versions they ran; a {@code mixed} chain is what
 * the consistency model exists to prevent. After every awaited transition the
 * main thread waits until every worker has run a whole chain that started
 * after it, and checks that chain ran the version now in force: so every
 * worker makes progress in every phase and none is left behind.
 *
 * <p>Handler workers, if any, call {@link Pair#request} in a loop instead: a
 * caller that waits 2 ms inside itself before it calls the callee, as a
 * request handler waits on a database. They sit in the caller nearly all the
 * time and can only switch themselves between two requests.
 */
final class Torture {
    /**
     * Callee calls per chain: chains with a pause between calls, so that a switch of all threads at once
     * catches most of them in the middle of one; not longer, as a thread switches only between chains.
     */
    static final int CALLS = 4;
    private static final long AWAIT_MILLIS = 20_000;
    private static final long SETTLE_MILLIS = 20_000;

    private final List<Worker> workers = new ArrayList<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger errorCount = new AtomicInteger();
    private volatile boolean stop;
    private volatile long epoch;
    private int ops;
    private long opNanos;
    private long awaitNanos;
    private long settleNanos;

    /** One calling thread and what it saw. Counters are written by the worker only. */
    private final class Worker implements Runnable {
        final Thread thread;
        final boolean handler;
        final long[] calls = new long[1];
        volatile long chains;
        volatile long olds;
        volatile long news;
        volatile long mixed;
        /** The epoch read before the last chain began, shifted left by 2, with the chain's bits. */
        volatile long last = -1;

        Worker(String name, boolean virtual, boolean handler) {
            this.thread = Spawn.thread(name, virtual, this);
            this.handler = handler;
        }

        /** The callee calls each chain of this worker makes. */
        int calls() {
            return handler ? 1 : CALLS;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    long e = epoch;
                    int seen = handler ? Pair.request(calls) : Pair.chain(CALLS, calls);
                    chains++;
                    if (seen == Pair.OLD) {
                        olds++;
                    } else if (seen == Pair.NEW) {
                        news++;
                    } else if (seen == Pair.MIXED) {
                        mixed++;
                    } else {
                        error(thread.getName() + ": chain returned " + seen);
                    }
                    last = e << 2 | seen;
                    if (!handler) {
                        Work.pause();
                    }
                }
            } catch (Throwable t) {
                error(thread.getName() + " died: " + t);
            }
        }
    }

    private void error(String what) {
        if (errorCount.incrementAndGet() <= 10) {
            errors.add(what);
        }
    }

    /**
     * Runs the torture; patch {@code pair} must be loaded and disabled, with no transition running.
     *
     * @param platform platform worker threads
     * @param virtual virtual worker threads
     * @param cycles enable/disable cycles
     * @param handlers platform handler threads
     * @param vhandlers virtual handler threads
     */
    static void run(int platform, int virtual, int cycles, int handlers, int vhandlers) throws InterruptedException {
        new Torture().go(platform, virtual, cycles, handlers, vhandlers);
    }

    private void go(int platform, int virtual, int cycles, int handlers, int vhandlers) throws InterruptedException {
        for (int i = 0; i < platform; i++) {
            workers.add(new Worker("worker-" + i, false, false));
        }
        for (int i = 0; i < virtual; i++) {
            workers.add(new Worker("vworker-" + i, true, false));
        }
        for (int i = 0; i < handlers; i++) {
            workers.add(new Worker("handler-" + i, false, true));
        }
        for (int i = 0; i < vhandlers; i++) {
            workers.add(new Worker("vhandler-" + i, true, true));
        }
        long started = System.nanoTime();
        workers.forEach(w -> w.thread.start());
        settle(Pair.OLD);
        for (int i = 0; i < cycles; i++) {
            switch (i % 3) {
                case 0 -> {
                    op("enable");
                    awaited(Pair.NEW);
                    op("disable");
                    awaited(Pair.OLD);
                }
                case 1 -> {
                    op("enable");
                    op("disable"); // while the patching transition runs: reverses it
                    awaited(Pair.OLD);
                }
                default -> {
                    op("enable");
                    awaited(Pair.NEW);
                    op("disable");
                    op("enable"); // while the unpatching transition runs: reverses it
                    op("disable"); // and back again
                    awaited(Pair.OLD);
                }
            }
        }
        stop = true;
        for (Worker w : workers) {
            w.thread.join(10_000);
            if (w.thread.isAlive()) {
                error(w.thread.getName() + " did not stop");
            }
        }
        long chains = 0;
        long mixed = 0;
        long lost = 0;
        boolean both = true;
        for (Worker w : workers) {
            chains += w.chains;
            mixed += w.mixed;
            lost += Math.abs(w.chains * w.calls() - w.calls[0]);
            both &= w.olds > 0 && w.news > 0;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Where the time went, for whoever tunes the workload (not an OUT line: the tests do not read it).
        System.out.println("torture took " + millis + " ms: " + ops + " operations (" + opNanos / 1_000_000
                + " ms), awaiting transitions " + awaitNanos / 1_000_000 + " ms, awaiting the workers "
                + settleNanos / 1_000_000 + " ms; " + chains + " chains");
        Ctl.out("torture: " + workers.size() + " workers (" + platform + " platform, " + virtual + " virtual"
                + (handlers + vhandlers > 0 ? ", " + handlers + " platform handlers, " + vhandlers
                        + " virtual handlers" : "") + "), " + cycles + " cycles");
        Ctl.out("torture: mixed chains: " + mixed);
        Ctl.out("torture: lost calls: " + lost);
        Ctl.out("torture: every worker ran both versions: " + both);
        Ctl.out("torture: " + errorCount.get() + " errors " + errors);
        long[] main = new long[1];
        Ctl.out("torture: final pair " + Ctl.state("pair") + ", main chain: " + Pair.name(Pair.chain(CALLS, main))
                + ", " + main[0] + " calls");
    }

    /** Enables or disables the patch; a refusal is an error (Ctl prints its reason). */
    private void op(String name) {
        ops++;
        long t = System.nanoTime();
        if (!Ctl.op(name, "pair")) {
            error(name + " refused");
        }
        opNanos += System.nanoTime() - t;
    }

    /** Waits for the transition, then for every worker to run a chain of the version now in force. */
    private void awaited(int version) throws InterruptedException {
        long t = System.nanoTime();
        boolean done = Ctl.awaitTransition(AWAIT_MILLIS);
        awaitNanos += System.nanoTime() - t;
        if (!done) {
            error("transition not complete after " + AWAIT_MILLIS + " ms: " + Ctl.state("pair") + ", blocked by "
                    + Ctl.blockers());
            return;
        }
        settle(version);
    }

    /** Every worker completes a chain that began after this call, and that chain ran {@code version}. */
    private void settle(int version) throws InterruptedException {
        long e = ++epoch;
        long t = System.nanoTime();
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        for (Worker w : workers) {
            long l;
            while ((l = w.last) >>> 2 != e && w.thread.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (l >>> 2 != e) {
                error(w.thread.getName() + " ran no chain within " + SETTLE_MILLIS + " ms of epoch " + e);
            } else if ((l & 3) != version) {
                error(w.thread.getName() + " ran a " + Pair.name((int) (l & 3)) + " chain, not "
                        + Pair.name(version) + ", after the transition completed (epoch " + e + ")");
            }
        }
        settleNanos += System.nanoTime() - t;
    }
}
