package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.transition.PatchTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Transitions (the kernel's {@code transition.c}): moving one patch's methods
 * from one state to the other, one patch at a time, with the callbacks
 * around it. A transition starts by publishing snapshots that let each thread
 * pick its entry by its own patch state; one round of the manager runs at
 * once, and when threads still sit in affected methods a manager thread
 * retries, backing off, until every thread has switched. Then the steady
 * snapshots go out and the post callbacks run. Every method here runs under
 * the core's lock.
 */
final class Transitions {
    private static final long FIRST_RETRY_MILLIS = 2;
    private static final long LAST_RETRY_MILLIS = 250;
    private static final long ROUND_SHARE = 2;
    private static final long ROUND_SHARE_LIMIT_MILLIS = 1000;
    /**
     * {@code -Djlivepatch.consistency=off}: every transition completes at once, all threads switching
     * together as with HotSwap. Only to show what the consistency model prevents; never in production.
     */
    static final boolean CONSISTENCY_OFF = "off".equals(System.getProperty("jlivepatch.consistency"));

    private final Livepatch core;
    private final ReentrantLock lock;
    private final Condition idle;
    private volatile PatchTransition current;
    private volatile Patch patch;
    private List<Binding> bindings = List.of();
    private long startedNanos;
    private boolean timedOut;
    private Thread manager;
    private volatile long timeoutMillis;

    Transitions(Livepatch core, ReentrantLock lock) {
        this.core = core;
        this.lock = lock;
        this.idle = lock.newCondition();
    }

    /** The running transition, read by stubs' snapshots; null when none runs. */
    PatchTransition current() {
        return current;
    }

    /** The patch in transition, or null. */
    Patch patch() {
        return patch;
    }

    void timeout(long millis) {
        timeoutMillis = millis;
    }

    void patch(Patch p, List<Binding> bs) {
        begin(p, new PatchTransition(true), bs);
        Log.info("'" + p.id() + "': starting patching transition");
        p.enabled(true);
        p.transition("patching");
        core.commit(bs, List.of());
        started();
    }

    void unpatch(Patch p, List<Binding> bs) {
        Log.info("'" + p.id() + "': initializing unpatching transition");
        for (Binding b : bs) {
            Livepatch.runQuietly(b, Callback.Kind.PRE_UNPATCH);
        }
        begin(p, new PatchTransition(false), bs);
        Log.info("'" + p.id() + "': starting unpatching transition");
        p.enabled(false);
        p.transition("unpatching");
        core.republish(bs);
        started();
    }

    /** Disabling a patch that is patching, or enabling one that is unpatching: the kernel's reverse. */
    void reverse() {
        PatchTransition t = current;
        Patch p = patch;
        String from = t.patching() ? "patching" : "unpatching";
        String to = t.patching() ? "unpatching" : "patching";
        Log.info("'" + p.id() + "': reversing transition from " + from + " to " + to);
        t.reverse();
        p.enabled(t.patching());
        p.transition(to);
        Log.info("'" + p.id() + "': starting " + to + " transition");
        startedNanos = System.nanoTime();
        attempt();
    }

    /** Completes the transition without the consistency check; the patch can no longer be disabled. */
    void force() {
        Patch p = patch;
        List<String> held = new ArrayList<>();
        current.round();
        current.blockers().forEach(b -> held.add(b.toString()));
        Log.warn("'" + p.id() + "': forcing the " + p.transition() + " transition: " + held.size()
                + " thread(s) switched without the consistency check"
                + (held.isEmpty() ? "" : ": " + String.join("; ", held)));
        Log.warn("'" + p.id() + "': a forced patch can no longer be disabled");
        p.forced(true);
        complete();
    }

    /**
     * A class loading after its patches: no thread has run its code. The
     * patch in transition joins it in transition (threads pick by their own
     * state, so a chain that started in the old code stays there); its
     * post-patch callback waits for the transition to complete, as the
     * kernel's does for a module coming during one.
     */
    void coming(TargetClass st, Coming.Pending pending) {
        List<Binding> bs = core.bindComing(st, pending);
        for (Binding b : bs) {
            if (b.patch() == patch) {
                current.affect(b.target(), b.bridges().keySet());
                bindings.add(b);
            }
        }
        core.commit(bs, List.of());
        for (Binding b : bs) {
            if (b.patch() != patch) {
                Livepatch.runQuietly(b, Callback.Kind.POST_PATCH);
            }
            b.loaded();
        }
    }

    List<Blocker> blockers() {
        PatchTransition t = current;
        return t == null ? List.of() : t.blockers();
    }

    boolean await(long millis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(millis);
        lock.lock();
        try {
            while (current != null && left > 0) {
                left = idle.awaitNanos(left);
            }
            return current == null;
        } finally {
            lock.unlock();
        }
    }

    private void begin(Patch p, PatchTransition t, List<Binding> bs) {
        for (Binding b : bs) {
            t.affect(b.target(), b.bridges().keySet());
        }
        current = t;
        patch = p;
        bindings = new ArrayList<>(bs);
        startedNanos = System.nanoTime();
        timedOut = false;
    }

    /** The transition's snapshots are out: mark the start, and try to complete it at once. */
    private void started() {
        current.started();
        attempt();
    }

    /** One round; completes the transition if every thread has switched, or leaves it to the manager. */
    private void attempt() {
        if (CONSISTENCY_OFF || current.round()) {
            complete();
            return;
        }
        long limit = timeoutMillis;
        if (limit > 0 && !timedOut && System.nanoTime() - startedNanos > TimeUnit.MILLISECONDS.toNanos(limit)) {
            timedOut = true;
            Log.warn("'" + patch.id() + "': " + patch.transition() + " transition not complete after " + limit
                    + " ms; blocked by " + current.blockers());
            if (current.patching()) {
                reverse();
                return;
            }
        }
        if (manager == null) {
            manager = new Thread(this::manage, "jlivepatch-transition");
            manager.setDaemon(true);
            manager.start();
        }
    }

    private void complete() {
        Patch p = patch;
        List<Binding> bs = bindings;
        boolean patched = current.patching();
        String kind = patched ? "patching" : "unpatching";
        current = null;
        patch = null;
        bindings = List.of();
        Log.info("'" + p.id() + "': completing " + kind + " transition");
        p.transition("none");
        if (patched) {
            core.republish(bs);
        } else {
            core.commit(List.of(), bs);
        }
        core.published();
        if (!patched) {
            core.strip(bs);
        }
        for (Binding b : bs) {
            Livepatch.runQuietly(b, patched ? Callback.Kind.POST_PATCH : Callback.Kind.POST_UNPATCH);
        }
        Log.info("'" + p.id() + "': " + kind + " complete");
        idle.signalAll();
    }

    /**
     * The manager thread: retries, backing off, while a transition runs. A
     * round stops every thread for as long as it takes to bring them all to a
     * safepoint, which with many busy threads on few cores is long; the wait
     * before the next round is at least twice the last round (up to a
     * second, the kernel's period), so rounds take at most a third of the
     * time, and busy threads switch themselves on entry in between.
     */
    private void manage() {
        long delay = FIRST_RETRY_MILLIS;
        PatchTransition last = null;
        while (true) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            long roundMillis = 0;
            lock.lock();
            try {
                if (current == null) {
                    manager = null;
                    return;
                }
                if (current != last) {
                    last = current;
                    delay = FIRST_RETRY_MILLIS;
                }
                long start = System.nanoTime();
                attempt();
                roundMillis = (System.nanoTime() - start) / 1_000_000;
            } catch (RuntimeException | Error e) {
                Log.error("transition manager round failed; retrying", e);
            } finally {
                lock.unlock();
            }
            delay = Math.max(Math.min(delay * 2, LAST_RETRY_MILLIS),
                    Math.min(ROUND_SHARE * roundMillis, ROUND_SHARE_LIMIT_MILLIS));
        }
    }
}
