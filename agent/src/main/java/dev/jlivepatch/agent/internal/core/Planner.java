package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.jfr.Recorder;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.api.State;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares and starts transitions (the kernel's {@code klp_enable_patch},
 * {@code klp_add_nops}, {@code __klp_disable_patch}): binds a patch to its
 * targets, runs its pre-patch callbacks, weaves the stubs, and hands the
 * plan to the transition manager. Nothing in the application changes before
 * the plan starts; a refusal undoes what ran. Callers hold the core lock.
 */
final class Planner {
    private final Environment env;
    private final Registry registry;
    private final FuncStacks stacks;
    private final TargetScan scan;
    private final TransitionManager transitions;

    Planner(Environment env, Registry registry, FuncStacks stacks, TargetScan scan, TransitionManager transitions) {
        this.env = env;
        this.registry = registry;
        this.stacks = stacks;
        this.scan = scan;
        this.transitions = transitions;
    }

    /**
     * Enables a patch: alone, as an atomic replace of every other enabled
     * patch, or as the new version of {@code replaced} (an upgrade).
     *
     * @param loading whether the patch was loaded just now: a flight recording is told once it passed its checks
     */
    void enable(LoadedPatch p, List<LoadedPatch> replaced, boolean loading) throws PatchException {
        String incompatible = incompatibility(p, replaced);
        if (incompatible != null) {
            Log.error("Livepatch patch (" + p.id() + ") is not compatible with the already installed livepatches.");
            throw new PatchException(incompatible).logged();
        }
        Log.info("enabling patch '" + p.id() + "'");
        synchronized (stacks.lock()) {
            registry.publish(null, p);
        }
        try {
            List<Binding> bindings;
            try {
                bindings = scan.bind(p);
            } catch (RuntimeException | LinkageError e) { // still preparing: nothing has changed, nothing ran
                throw new PatchException("patch '" + p.id() + "' cannot be prepared: " + e, e);
            }
            Log.info("'" + p.id() + "': initializing patching transition");
            Callbacks.prePatch(p, bindings);
            weave(p, bindings);
            originals(p, bindings);
            TransitionPlan plan = new TransitionPlan(p, true, replaced);
            bindings.forEach(plan::withPatch);
            if (loading) {
                Recorder.patchLoaded(p.id(), p.jar().description(), p.jar().source(), p.jar().digest(),
                        p.jar().replace(), registry.order(p), TransitionEvents.ids(replaced));
            }
            transitions.patch(plan);
            Reference.reachabilityFence(bindings); // the plan holds them weakly until the stacks have them
        } catch (PatchException e) {
            List<Binding> comers;
            synchronized (stacks.lock()) {
                registry.publish(null, null);
                comers = transitions.takeComers();
            }
            Callbacks.runAll(comers, Callback.Kind.POST_UNPATCH);
            if (!e.isLogged()) {
                Log.error("failed to enable patch '" + p.id() + "': " + e.getMessage());
            }
            throw e;
        }
    }

    /** Disables an enabled patch, wherever it is on the stack: each of its methods runs the next entry down. */
    void disable(LoadedPatch p) {
        TransitionPlan plan = new TransitionPlan(p, false, List.of());
        synchronized (stacks.lock()) {
            for (Binding b : stacks.bindings(p)) {
                plan.withPatch(b);
            }
        }
        transitions.unpatch(plan);
    }

    /**
     * The kernel's {@code klp_is_patch_compatible}: a patch may not hold a
     * state at a lower version than an enabled patch does, and a patch that
     * replaces others must carry every state of theirs.
     *
     * @return why the patch is not compatible, or null when it is
     */
    String incompatibility(LoadedPatch p, List<LoadedPatch> replaced) {
        for (LoadedPatch q : registry.all()) {
            if (q == p || !q.enabled()) {
                continue;
            }
            for (State s : q.states().values()) {
                State mine = p.state(s.id());
                String why = null;
                if (mine == null && replaced.contains(q)) {
                    why = "it does not carry state " + s.id() + " (version " + s.version() + ") of patch '" + q.id()
                            + "', which it replaces";
                } else if (mine != null && mine.version() < s.version()) {
                    why = "it declares state " + s.id() + " version " + mine.version() + ", older than version "
                            + s.version() + " of enabled patch '" + q.id() + "'";
                }
                if (why != null) {
                    return "patch '" + p.id() + "' is not compatible with the already installed patches: " + why;
                }
            }
        }
        return null;
    }

    /** Makes the original-body copies the bindings' {@code @Original} accessors run; a failure refuses the patch. */
    private void originals(LoadedPatch p, List<Binding> bindings) throws PatchException {
        try {
            for (Binding b : bindings) {
                Originals.prepare(stacks.of(b.target()), b);
            }
        } catch (PatchException e) {
            Callbacks.runAll(bindings, Callback.Kind.POST_UNPATCH);
            throw e;
        }
    }

    /**
     * Weaves stubs for the methods that have none yet, all classes in one
     * retransformation, which also shows the agent the class files that
     * {@code @Original} copies are made from.
     */
    private void weave(LoadedPatch p, List<Binding> bindings) throws PatchException {
        Class<?>[] grow;
        synchronized (stacks.lock()) {
            java.util.Set<Class<?>> all = new java.util.LinkedHashSet<>(List.of(stacks.stage(bindings)));
            for (Binding b : bindings) {
                if (!b.originalKeys().isEmpty() && stacks.of(b.target()).originalBytes == null) {
                    all.add(b.target());
                }
            }
            grow = all.toArray(new Class<?>[0]);
        }
        try {
            env.retransform(grow);
        } catch (PatchException e) {
            synchronized (stacks.lock()) {
                stacks.unstage(bindings);
            }
            Callbacks.runAll(bindings, Callback.Kind.POST_UNPATCH);
            throw new PatchException("patch '" + p.id() + "': " + e.getMessage(), e);
        }
    }

    /** The enabled patches an atomic-replace patch replaces: every one but itself. */
    List<LoadedPatch> replacedBy(LoadedPatch p) {
        List<LoadedPatch> out = new ArrayList<>();
        if (p.jar().replace()) {
            for (LoadedPatch q : registry.all()) {
                if (q != p && q.enabled()) {
                    out.add(q);
                }
            }
        }
        return out;
    }
}
