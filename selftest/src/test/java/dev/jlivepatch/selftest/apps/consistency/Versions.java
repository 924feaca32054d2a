package dev.jlivepatch.selftest.apps.consistency;

import dev.jlivepatch.selftest.apps.Ctl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Atomic replace and upgrades under load (issue 11): workers call the pair
 * without end, chain callers and request handlers, while the main thread
 * moves the patched code from version to version without ever going back to
 * the original: an atomic-replace patch replaces the one in force, then a new
 * version of its id takes its place, again and again. Every version says
 * which it is by a bit of its own, so a chain that ran two versions shows, and
 * so does a chain that ran the original code after the first patch was in
 * force: the promise of replace and upgrade is that no thread runs the
 * original in between.
 */
final class Versions {
    private static final long AWAIT_MILLIS = 20_000;

    private volatile boolean stop;
    /** Set once the first patch's transition has completed: from then on no chain may start in the original. */
    private volatile long patchedSince = Long.MAX_VALUE;
    private final AtomicLong chains = new AtomicLong();
    private final AtomicLong mixed = new AtomicLong();
    private final AtomicLong original = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    /**
     * @param jars the first patch, then the versions to move through in turn, as {@code JAR=ID}
     */
    static void run(int workers, int handlers, int moves, List<String> jars) throws InterruptedException {
        new Versions().drive(workers, handlers, moves, jars);
    }

    private void drive(int workers, int handlers, int moves, List<String> jars) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers + handlers; i++) {
            boolean handler = i >= workers;
            Thread t = new Thread(() -> work(handler), (handler ? "handler-" : "worker-") + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        Ctl.load(jars.get(0));
        boolean ok = Ctl.awaitTransition(AWAIT_MILLIS);
        patchedSince = System.nanoTime();
        int done = 0;
        for (int m = 0; m < moves && ok; m++) {
            Work.sleep(5);
            ok = Ctl.op("load", jars.get(1 + m % (jars.size() - 1))) && Ctl.awaitTransition(AWAIT_MILLIS);
            done++;
        }
        Work.sleep(20);
        stop = true;
        for (Thread t : threads) {
            t.join(10_000);
        }
        Ctl.out("versions: " + (workers + handlers) + " threads, " + done + " of " + moves + " moves, "
                + chains.get() + " chains");
        Ctl.out("versions: mixed chains: " + mixed.get());
        Ctl.out("versions: original code after the first patch: " + original.get());
        Ctl.out("versions: lost calls: " + lost.get() + ", errors: " + errors.get());
    }

    private void work(boolean handler) {
        long[] calls = new long[1];
        while (!stop) {
            long started = System.nanoTime();
            long before = calls[0];
            try {
                int seen = handler ? Pair.request(calls) : Pair.chain(Torture.CALLS, calls);
                chains.incrementAndGet();
                if (Integer.bitCount(seen) != 1) {
                    mixed.incrementAndGet();
                }
                if ((seen & Pair.OLD) != 0 && started - patchedSince > 0) {
                    original.incrementAndGet();
                }
                if (calls[0] - before != (handler ? 1 : Torture.CALLS)) {
                    lost.incrementAndGet();
                }
            } catch (RuntimeException | Error e) {
                errors.incrementAndGet();
                Ctl.out("versions: error " + e);
            }
        }
    }
}
