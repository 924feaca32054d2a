package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.jfr.Recorder;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.agent.internal.transition.Threads;
import dev.jlivepatch.runtime.Dispatch;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The core (the kernel's {@code kernel/livepatch/core.c}): the registry of
 * patches in stack order, and the commands that load, enable, disable, remove
 * and force them. A patch is checked and prepared completely before anything
 * in the application changes.
 *
 * <p>The core lock ({@link #lock}, the kernel's {@code klp_mutex}) is held by
 * every command, by the transition manager's rounds and completion, and by
 * the reads behind {@code status} ({@link #status()}, which reads every
 * patch's state and targets in one hold; {@link #patches()}, {@link #targets}),
 * so that each sees one whole state. Patch code and callbacks may run under it.
 * Its exceptions, each reading only what is published for it:
 * <ul>
 *   <li>stubs read immutable snapshots through their func sites;</li>
 *   <li>the class-load transformer reads the registry's published view of
 *       which patches loading classes get ({@link Registry#targeting});</li>
 *   <li>a class initialising after its patches commits its bindings under
 *       the stacks lock alone ({@link StubLinker#classInit}), and the first
 *       look at a class takes over what its load prepared under the stacks
 *       lock alone ({@link FuncStacks#of});</li>
 *   <li>callbacks read the registry's copy-on-write list for the previous
 *       state ({@link Registry#previousState});</li>
 *   <li>{@link #blockers()} reads the running transition's last blockers,
 *       an immutable list behind a volatile field.</li>
 * </ul>
 * Lock order: the core lock, then the stacks lock ({@link FuncStacks}).
 */
public final class Livepatch {
    private static Livepatch instance;

    private final ReentrantLock lock = new ReentrantLock();
    private final Environment env;
    private final Registry registry = new Registry();
    private final FuncStacks stacks = new FuncStacks(registry);
    private final BindingMaker maker;
    private final ClassLoadHook hook;
    private final TargetScan scan;
    private final TransitionManager transitions;
    private final Planner planner;
    private final StubLinker linker;
    private final CallCounting calls;
    private final DryRun dryRun;

    Livepatch(Environment env) {
        this.env = env;
        this.maker = new BindingMaker(env, registry);
        this.hook = new ClassLoadHook(registry, stacks, maker);
        this.transitions = new TransitionManager(lock, stacks, registry, env);
        this.scan = new TargetScan(env, stacks, hook, maker, transitions);
        this.planner = new Planner(env, registry, stacks, scan, transitions);
        this.linker = new StubLinker(stacks, registry, transitions);
        this.calls = new CallCounting(stacks, registry);
        this.dryRun = new DryRun(lock, registry, stacks, scan, maker, planner, this::busy);
        stacks.adoptWith(hook::adopt);
        env.addTransformer(hook);
    }

    /** Starts the core once per JVM; a second call returns the running one. */
    public static synchronized Livepatch start(Instrumentation inst) {
        if (instance == null) {
            Livepatch lp = new Livepatch(new JvmEnvironment(inst));
            if (!Dispatch.install(lp.linker)) {
                throw new IllegalStateException("another jlivepatch agent owns this JVM's dispatch runtime");
            }
            Threads.init(inst);
            if (TransitionManager.CONSISTENCY_OFF) {
                Log.warn("-Djlivepatch.consistency=off: transitions switch every thread at once, as HotSwap does;"
                        + " call chains may mix old and new code. Only for demonstrating the consistency model");
            }
            instance = lp;
        }
        return instance;
    }

    StubLinker linker() {
        return linker;
    }

    /** @return the calls of every replacement, counted on demand */
    public CallCounting calls() {
        return calls;
    }

    /**
     * Reads a patch jar ({@link JarIntake}: trusted, read once from a private
     * copy), registers it on top of the stack and enables it: the kernel's
     * insmod. A jar whose {@code Livepatch-Id} is loaded already is a new
     * version of that patch: it takes the old one's place on the stack,
     * replacing it in one transition (an upgrade); the same content again
     * changes nothing.
     *
     * @param deferredTargets accept targets that no class loader can find yet (patched when they load)
     */
    public LoadedPatch load(Path jar, boolean deferredTargets) throws PatchException {
        PatchJar pj;
        try {
            pj = JarIntake.read(jar);
        } catch (PatchException e) {
            Log.error("failed to load patch jar " + jar + ": " + e.getMessage());
            throw e;
        }
        lock.lock();
        try {
            String refusal = busy();
            if (refusal != null) {
                refusal = "patch '" + pj.id() + "' cannot be loaded now: " + refusal;
                Log.error("failed to enable patch '" + pj.id() + "': " + refusal);
                throw new PatchException(refusal);
            }
            LoadedPatch old = registry.find(pj.id());
            if (old != null && old.jar().sameContent(pj)) {
                Log.info("patch '" + pj.id() + "' is loaded already with the same content: nothing changes");
                if (!old.enabled()) {
                    enable(old, false);
                }
                return old;
            }
            LoadedPatch p = new LoadedPatch(pj, deferredTargets);
            if (old == null) {
                registry.add(p);
            } else {
                registry.addAfter(old, p);
            }
            try {
                if (old != null && old.enabled()) {
                    Log.info("patch '" + p.id() + "': a new version takes over from the loaded one");
                    // a cumulative new version replaces every enabled patch, its old version among them
                    planner.enable(p, p.jar().replace() ? planner.replacedBy(p) : List.of(old), true);
                } else {
                    enable(p, true);
                    if (old != null) {
                        registry.remove(old); // a disabled old version: the new one takes its place
                        Recorder.patchRemoved(old.id(), "replaced by its new version");
                    }
                }
            } catch (PatchException e) {
                registry.remove(p);
                throw e;
            }
            return p;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What {@link #load} would do with this jar, found without changing
     * anything ({@code load --dry-run}): its targets, the checks and their
     * outcome, and the threads that would block its transition now.
     */
    public DryRunReport dryRun(Path jar, boolean deferredTargets) {
        return dryRun.run(jar, deferredTargets);
    }

    /** Enables a registered, disabled patch (writing 1 to the kernel's {@code enabled}). */
    public void enable(String id) throws PatchException {
        lock.lock();
        try {
            LoadedPatch p = registry.require(id);
            if (p == transitions.patch() && !p.enabled()) {
                transitions.reverse();
                return;
            }
            enable(p, false);
        } finally {
            lock.unlock();
        }
    }

    /** Disables an enabled patch (writing 0 to the kernel's {@code enabled}). */
    public void disable(String id) throws PatchException {
        lock.lock();
        try {
            LoadedPatch p = registry.require(id);
            if (p.forced()) {
                throw new PatchException("patch '" + id + "' was forced and can no longer be disabled:"
                        + " threads may still run code of both versions");
            }
            if (p == transitions.patch() && p.enabled()) {
                transitions.reverse();
                return;
            }
            disable(p);
        } finally {
            lock.unlock();
        }
    }

    /** Drops a disabled patch from the stack (the kernel's rmmod). */
    public void remove(String id) throws PatchException {
        lock.lock();
        try {
            LoadedPatch p = registry.require(id);
            if (p == transitions.patch()) {
                throw new PatchException("patch '" + id + "' is in its " + p.transition().label()
                        + " transition; wait for it to complete before removing it");
            }
            if (p.forced()) {
                throw new PatchException("patch '" + id + "' was forced and can no longer be removed:"
                        + " threads may still run its code");
            }
            if (p.enabled()) {
                throw new PatchException("patch '" + id + "' is enabled; disable it before removing it");
            }
            registry.remove(p);
            Recorder.patchRemoved(id, "removed");
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the running transition of patch {@code id} without the
     * consistency check (the kernel's {@code force}). The patch can no longer
     * be disabled afterwards.
     */
    public void force(String id) throws PatchException {
        lock.lock();
        try {
            LoadedPatch p = registry.require(id);
            if (p != transitions.patch()) {
                throw new PatchException("patch '" + p.id() + "' is not in a transition; there is nothing to force");
            }
            transitions.force();
        } finally {
            lock.unlock();
        }
    }

    /** The registered patches, bottom of the stack first. */
    public List<LoadedPatch> patches() {
        lock.lock();
        try {
            return registry.all();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Every registered patch with its state and targets, bottom of the stack
     * first, all read under the core lock at once: one whole state, never a
     * patch's state from before a command and its targets from after it.
     */
    public List<PatchStatus> status() {
        lock.lock();
        try {
            Class<?>[] loaded = env.loadedClasses();
            List<PatchStatus> out = new ArrayList<>();
            for (LoadedPatch p : registry.all()) {
                out.add(new PatchStatus(p, p.enabled(), p.transition(), p.forced(), registry.order(p),
                        TargetRecord.of(p, loaded, stacks)));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** @return the patch's place on the stack, 1 for the oldest loaded */
    public int stackOrder(LoadedPatch p) {
        return registry.order(p);
    }

    /** Where a patch applies: each loaded target class, patched or not, and each class it refused. */
    public List<TargetRecord> targets(LoadedPatch p) {
        lock.lock();
        try {
            return TargetRecord.of(p, env.loadedClasses(), stacks);
        } finally {
            lock.unlock();
        }
    }

    /** @return the last transition that completed, or null before the first */
    public TransitionRecord lastTransition() {
        return transitions.last();
    }

    /** The threads that block the running transition, and where; empty when none runs. */
    public List<Blocker> blockers() {
        return transitions.blockers();
    }

    /**
     * Waits until no transition runs.
     *
     * @return {@code true} if none runs, {@code false} if one still ran when the time was up
     */
    public boolean awaitTransition(long timeoutMillis) throws InterruptedException {
        return transitions.await(timeoutMillis);
    }

    /**
     * Sets how long a patching transition may run before it is reversed.
     *
     * @param millis the limit, or 0 for none
     */
    public void transitionTimeout(long millis) {
        transitions.timeout(millis);
    }

    /** Why no transition can start now, or null: one runs already (the kernel allows one at a time). */
    private String busy() {
        LoadedPatch tp = transitions.patch();
        if (tp == null) {
            return null;
        }
        return "patch '" + tp.id() + "' is in its " + tp.transition().label() + " transition; wait for it to"
                + " complete (status shows what blocks it), reverse it by " + (tp.enabled() ? "disabling" : "enabling")
                + " '" + tp.id() + "', or force it";
    }

    private void enable(LoadedPatch p, boolean loading) throws PatchException {
        if (p.enabled()) {
            throw new PatchException("patch '" + p.id() + "' is already enabled");
        }
        String refusal = busy();
        if (refusal != null) {
            throw new PatchException("patch '" + p.id() + "' cannot be enabled now: " + refusal);
        }
        planner.enable(p, planner.replacedBy(p), loading);
    }

    private void disable(LoadedPatch p) throws PatchException {
        if (!p.enabled()) {
            throw new PatchException("patch '" + p.id() + "' is not enabled");
        }
        String refusal = busy();
        if (refusal != null) {
            throw new PatchException("patch '" + p.id() + "' cannot be disabled now: " + refusal);
        }
        planner.disable(p);
    }
}
