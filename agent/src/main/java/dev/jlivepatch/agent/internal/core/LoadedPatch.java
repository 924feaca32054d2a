package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.api.State;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A patch jar loaded into the agent (the kernel's {@code klp_patch}): its
 * jar, its states, whether it is enabled, the transition it is in, and the
 * classes it refused as they loaded. Written under the core lock; read
 * anywhere (volatile fields, a copy-on-write list).
 */
public final class LoadedPatch {
    private final PatchJar jar;
    private final boolean deferredTargets;
    private final Map<Long, State> states = new LinkedHashMap<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile boolean enabled;
    private volatile TransitionState transition = TransitionState.NONE;
    private volatile boolean forced;
    private volatile boolean replaced;

    /**
     * A class this patch refused as it loaded: its definition failed, so the
     * loader can define it again once the patch is gone.
     *
     * @param className the class
     * @param loader its class loader, held weakly; {@code null} (no reference) for the bootstrap loader
     * @param reason why, as logged
     */
    public record Refusal(String className, WeakReference<ClassLoader> loader, String reason) {
    }

    LoadedPatch(PatchJar jar, boolean deferredTargets) {
        this.jar = jar;
        this.deferredTargets = deferredTargets;
        for (PatchJar.StateDecl s : jar.states()) {
            states.put(s.id(), new State(s.id(), s.version()));
        }
    }

    /** @return the patch id, the manifest's {@code Livepatch-Id} */
    public String id() {
        return jar.id();
    }

    /** @return the jar as read */
    public PatchJar jar() {
        return jar;
    }

    /** @return whether a target that no class loader can find yet is accepted, to be patched when it loads */
    boolean defers(String target) {
        return deferredTargets || jar.deferredTargets().contains("*") || jar.deferredTargets().contains(target);
    }

    /** @return whether the patch is enabled (the kernel's {@code enabled}) */
    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    /** @return the transition this patch is in */
    public TransitionState transition() {
        return transition;
    }

    void transition(TransitionState state) {
        transition = state;
    }

    /** @return whether a transition of this patch was forced; a forced patch can no longer be disabled */
    public boolean forced() {
        return forced;
    }

    void forced(boolean on) {
        forced = on;
    }

    /** @return whether an atomic replace or an upgrade has replaced this patch: it is on its way out */
    boolean replaced() {
        return replaced;
    }

    void replaced(boolean on) {
        replaced = on;
    }

    /** @return the classes this patch refused as they loaded, oldest first */
    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    void refused(String className, ClassLoader loader, String reason) {
        refusals.add(new Refusal(className, loader == null ? null : new WeakReference<>(loader), reason));
    }

    /** A class that was refused has now taken the patch: its refusal is history. */
    void accepted(String className, ClassLoader loader) {
        refusals.removeIf(r -> r.className().equals(className) && (r.loader() == null ? loader == null : r.loader().get() == loader));
    }

    State state(long id) {
        return states.get(id);
    }

    Map<Long, State> states() {
        return states;
    }

    @Override
    public String toString() {
        return "'" + id() + "'";
    }
}
