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
    /** What the running transition does to the func stacks: stacks lock. */
    private TransitionPlan plan;
    /** Bindings of classes that initialised while the patch being enabled was prepared: stacks lock. */
    private List<Binding> comers = new ArrayList<>();
    /** What a flight recording is told of the running transition. */
    private TransitionEvents events;
    private long startedNanos;
    private boolean reversed;
    private volatile TransitionRecord last;
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

    /** Whether the running transition moves or replaces this patch. Caller holds the stacks lock. */
    boolean involves(LoadedPatch p) {
        return plan != null && plan.involves(p);
    }

    void timeout(long millis) {
        timeoutMillis = millis;
    }

    /**
     * Starts a patching transition (enable, atomic replace, upgrade) of
     * bindings prepared, pre-patched and woven. The replaced patches' bindings
     * and the NOPs are taken here, under the stacks lock, so that no class
     * initialising meanwhile slips between the plan and its start.
     */
    void patch(TransitionPlan next) {
        LoadedPatch p = next.patch;
        synchronized (stacks.lock()) {
            // Held here until the stacks have them: the plan holds its bindings weakly.
            List<Binding> joining = takeComers();
            joining.forEach(next::withPatch);
            begin(next, new Transition(true));
            java.util.Map<Class<?>, List<Binding>> byClass = new java.util.LinkedHashMap<>();
            for (LoadedPatch q : next.replaced) {
                for (Binding b : stacks.bindings(q)) {
                    byClass.computeIfAbsent(b.target(), k -> new ArrayList<>()).add(b);
                }
            }
            for (Binding b : next.all()) {
                if (byClass.containsKey(b.target())) {
                    byClass.get(b.target()).add(b);
                }
            }
            byClass.forEach((c, bindings) -> joining.addAll(next.sides(c, bindings, registry))); // NOPs too
            joining.addAll(next.all());
            p.enabled(true);
            p.transition(TransitionState.PATCHING);
            registry.publish(p, null);
            stacks.begin(next, current, joining);
            // As the kernel: the functions are redirected (klp_patch_object) before the transition starts.
            Log.info("'" + p.id() + "': starting patching transition");
            startedNanos = System.nanoTime();
        }
        started();
    }

    /** Starts an unpatching transition; bindings of classes that loaded since the plan was made are added. */
    void unpatch(TransitionPlan next) {
        LoadedPatch p = next.patch;
        Log.info("'" + p.id() + "': initializing unpatching transition");
        List<Binding> listed = next.patchBindings();
        Callbacks.runAll(listed, Callback.Kind.PRE_UNPATCH);
        List<Binding> late = new ArrayList<>();
        synchronized (stacks.lock()) {
            for (Binding b : stacks.bindings(p)) {
                if (!next.onPatchedSideOnly(b)) {
                    next.withPatch(b);
                    late.add(b);
                }
            }
            begin(next, new Transition(false));
            p.enabled(false);
            p.transition(TransitionState.UNPATCHING);
            stacks.begin(next, current, next.all());
            Log.info("'" + p.id() + "': starting unpatching transition");
            startedNanos = System.nanoTime();
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
     * A class initialising joins the running transition with its bindings of
     * the patches it involves: the moving patch's on the patched side, those
     * of the patches it replaces on the other, and for an atomic replace NOPs
     * for the methods only those changed. Caller holds the stacks lock; the
     * post-patch callback waits for the completion.
     *
     * @return the bindings the transition took (the caller commits the others)
     */
    List<Binding> join(Class<?> c, List<Binding> bindings) {
        List<Binding> taken = plan.sides(c, bindings, registry);
        stacks.begin(plan, current, taken);
        return taken;
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
        events.reversed(t.patching());
        Log.info("'" + p.id() + "': starting " + to.label() + " transition");
        startedNanos = System.nanoTime();
        reversed = true;
        attempt();
    }

    /** Completes the transition without the consistency check; the patch can no longer be disabled. */
    void force() {
        LoadedPatch p = patch;
        List<String> held = new ArrayList<>();
        current.round();
        events.round(current.blockers());
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

    private void begin(TransitionPlan next, Transition t) {
        current = t;
        patch = next.patch;
        plan = next;
        startedNanos = System.nanoTime();
        reversed = false;
        timedOut = false;
    }

    /** @return the last transition that completed, or null */
    TransitionRecord last() {
        return last;
    }

    /** The transition's snapshots are out: mark the start, and try to complete it at once. */
    private void started() {
        current.started();
        events = new TransitionEvents(plan);
        attempt();
    }

    /** The retry thread has seen no transition running and ends. Caller holds the core lock. */
    void retriesEnded() {
        manager = null;
    }

    /** One round; completes the transition if every thread has switched, or leaves it to the manager. */
    void attempt() {
        boolean done = CONSISTENCY_OFF || current.round();
        events.round(current.blockers());
        if (done) {
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
            manager = new Thread(new RetryLoop(lock, this), "jlivepatch-transition");
            manager.setDaemon(true);
            manager.start();
        }
    }

    private void complete() {
        TransitionPlan done;
        boolean patched;
        Class<?>[] shrink;
        List<Binding> callbacks;
        Transition t = current;
        synchronized (stacks.lock()) {
            done = plan;
            patched = t.patching();
            callbacks = done.patchBindings(); // held here: the plan holds them weakly, and the stacks let go below
            Log.info("'" + done.patch.id() + "': completing " + TransitionState.of(patched).label() + " transition");
            shrink = stacks.end(done, patched);
            current = null;
            patch = null;
            plan = null;
            done.patch.transition(TransitionState.NONE);
            if (patched) {
                done.replaced.forEach(q -> q.replaced(true));
            }
            registry.publish(null, null);
        }
        try {
            env.retransform(shrink);
        } catch (PatchException e) {
            Log.warn("stubs stay in place, running the original code: " + e.getMessage());
        }
        Callbacks.runAll(callbacks, patched ? Callback.Kind.POST_PATCH : Callback.Kind.POST_UNPATCH);
        if (patched) {
            // The replaced patches are gone (their callbacks do not run), once the new one's callbacks could
            // still see their states as the previous ones.
            for (LoadedPatch q : done.replaced) {
                q.enabled(false);
                registry.remove(q);
            }
        } else if (done.replaced.stream().anyMatch(q -> q.id().equals(done.patch.id()))) {
            registry.remove(done.patch); // a new version that never took over: the old one stays, alone
        }
        TransitionRecord r = TransitionRecord.of(done.patch, TransitionState.of(patched), startedNanos, t, reversed);
        last = r;
        events.completed(patched, r);
        Log.info("'" + r.patch() + "': " + r.kind() + " complete in " + r.took());
        idle.signalAll();
    }
}
