package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.agent.internal.transition.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Drives transitions (the kernel's {@code transition.c}): moving one patch's
 * methods from one state to the other, one patch at a time, with the
 * callbacks around it. A transition starts by publishing snapshots that let
 * each thread pick its entry by its own patch state; one round of the manager
 * runs at once, and when threads still sit in affected methods a manager
 * thread retries, backing off, until every thread has switched. Then the
 * steady snapshots go out and the post callbacks run.
 *
 * <p>Callers hold the core lock. The running transition, its patch and its
 * bindings change under the stacks lock as well, so that a class initialising
 * (which takes only the stacks lock) sees them whole and can join.
 */
final class TransitionManager {
    private static final long FIRST_RETRY_MILLIS = 2;
    private static final long LAST_RETRY_MILLIS = 250;
    private static final long ROUND_SHARE = 2;
    private static final long ROUND_SHARE_LIMIT_MILLIS = 1000;
    /**
     * {@code -Djlivepatch.consistency=off}: every transition completes at once, all threads switching
     * together as with HotSwap. Only to show what the consistency model prevents; never in production.
     */
    static final boolean CONSISTENCY_OFF = "off".equals(System.getProperty("jlivepatch.consistency"));

    private final ReentrantLock lock;
    private final Condition idle;
    private final FuncStacks stacks;
    private final Registry registry;
    private final Environment env;
    private volatile Transition current;
    private volatile LoadedPatch patch;
    /** The transition's bindings: stacks lock. */
    private List<Binding> bindings = List.of();
    /** Bindings of classes that initialised while the patch being enabled was prepared: stacks lock. */
    private List<Binding> comers = new ArrayList<>();
    private long startedNanos;
    private boolean timedOut;
    private Thread manager;
    private volatile long timeoutMillis;

    TransitionManager(ReentrantLock lock, FuncStacks stacks, Registry registry, Environment env) {
        this.lock = lock;
        this.idle = lock.newCondition();
        this.stacks = stacks;
        this.registry = registry;
        this.env = env;
    }

    /** @return the running transition, or null */
    Transition current() {
        return current;
    }

    /** @return the patch in transition, or null */
    LoadedPatch patch() {
        return patch;
    }

    void timeout(long millis) {
        timeoutMillis = millis;
    }

    /** Starts a patching transition of bindings prepared, pre-patched and woven, with any comers. */
    void patch(LoadedPatch p, List<Binding> bs) {
        synchronized (stacks.lock()) {
            List<Binding> all = new ArrayList<>(bs);
            all.addAll(takeComers());
            begin(p, new Transition(true), all);
            Log.info("'" + p.id() + "': starting patching transition");
            p.enabled(true);
            p.transition(TransitionState.PATCHING);
            registry.publish(p, null);
            stacks.commit(all, List.of(), List.of(), current, p);
        }
        started();
    }

    /** Starts an unpatching transition; bindings that joined since they were listed are added. */
    void unpatch(LoadedPatch p, List<Binding> bs) {
        Log.info("'" + p.id() + "': initializing unpatching transition");
        Callbacks.runAll(bs, Callback.Kind.PRE_UNPATCH);
        List<Binding> late = new ArrayList<>();
        synchronized (stacks.lock()) {
            List<Binding> all = new ArrayList<>(bs);
            for (Class<?> c : stacks.tracked()) {
                Binding b = stacks.of(c).binding(p);
                if (b != null && !all.contains(b)) {
                    all.add(b);
                    late.add(b);
                }
            }
            begin(p, new Transition(false), all);
            Log.info("'" + p.id() + "': starting unpatching transition");
            p.enabled(false);
            p.transition(TransitionState.UNPATCHING);
            stacks.commit(List.of(), List.of(), all, current, p);
        }
        Callbacks.runAll(late, Callback.Kind.PRE_UNPATCH);
        started();
    }

    /** The bindings of classes that initialised while a patch was being enabled, taken. Caller holds the stacks lock. */
    List<Binding> takeComers() {
        List<Binding> out = comers;
        comers = new ArrayList<>();
        return out;
    }

    /**
     * A class initialising joins the running transition with its binding of
     * the patch in transition. Caller holds the stacks lock, and commits the
     * binding after this; its post-patch callback waits for the completion.
     */
    void join(Binding b) {
        current.affect(b.target(), b.bridges().keySet());
        bindings.add(b);
    }

    /**
     * A class initialising while the patch being enabled is prepared: its
     * binding joins that patch's transition when it starts. Caller holds the
     * stacks lock.
     */
    void comer(Binding b) {
        comers.add(b);
    }

    /** Whether a class that initialised while {@code p} was being enabled has handed over its binding of it. */
    boolean comer(Class<?> c, LoadedPatch p) {
        synchronized (stacks.lock()) {
            for (Binding b : comers) {
                if (b.target() == c && b.patch() == p) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Disabling a patch that is patching, or enabling one that is unpatching: the kernel's reverse. */
    void reverse() {
        Transition t = current;
        LoadedPatch p = patch;
        TransitionState from = TransitionState.of(t.patching());
        TransitionState to = TransitionState.of(!t.patching());
        Log.info("'" + p.id() + "': reversing transition from " + from.label() + " to " + to.label());
        synchronized (stacks.lock()) {
            t.reverse();
            p.enabled(t.patching());
            p.transition(to);
        }
        Log.info("'" + p.id() + "': starting " + to.label() + " transition");
        startedNanos = System.nanoTime();
        attempt();
    }

    /** Completes the transition without the consistency check; the patch can no longer be disabled. */
    void force() {
        LoadedPatch p = patch;
        List<String> held = new ArrayList<>();
        current.round();
        current.blockers().forEach(b -> held.add(b.toString()));
        Log.warn("'" + p.id() + "': forcing the " + p.transition().label() + " transition: " + held.size()
                + " thread(s) switched without the consistency check"
                + (held.isEmpty() ? "" : ": " + String.join("; ", held)));
        Log.warn("'" + p.id() + "': a forced patch can no longer be disabled");
        p.forced(true);
        complete();
    }

    List<Blocker> blockers() {
        Transition t = current;
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

    private void begin(LoadedPatch p, Transition t, List<Binding> bs) {
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
            Log.warn("'" + patch.id() + "': " + patch.transition().label() + " transition not complete after " + limit
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
        LoadedPatch p;
        List<Binding> bs;
        boolean patched;
        Class<?>[] shrink;
        synchronized (stacks.lock()) {
            p = patch;
            bs = bindings;
            patched = current.patching();
            Log.info("'" + p.id() + "': completing " + TransitionState.of(patched).label() + " transition");
            current = null;
            patch = null;
            bindings = List.of();
            p.transition(TransitionState.NONE);
            if (patched) {
                stacks.commit(List.of(), List.of(), bs, null, null);
            } else {
                stacks.commit(List.of(), bs, List.of(), null, null);
            }
            registry.publish(null, null);
            shrink = patched ? new Class<?>[0] : stacks.shrinkable(bs);
        }
        try {
            env.retransform(shrink);
        } catch (PatchException e) {
            Log.warn("stubs stay in place, running the original code: " + e.getMessage());
        }
        Callbacks.runAll(bs, patched ? Callback.Kind.POST_PATCH : Callback.Kind.POST_UNPATCH);
        Log.info("'" + p.id() + "': " + TransitionState.of(patched).label() + " complete");
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
        Transition last = null;
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
