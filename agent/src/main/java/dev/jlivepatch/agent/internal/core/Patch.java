package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.api.State;
import java.util.LinkedHashMap;
import java.util.Map;

/** A registered patch (the kernel's {@code klp_patch}): its jar, its states, whether it is enabled. */
public final class Patch {
    private final PatchJar jar;
    private final Map<Long, State> states = new LinkedHashMap<>();
    private volatile boolean enabled;
    private volatile String transition = "none";
    private volatile boolean forced;

    Patch(PatchJar jar) {
        this.jar = jar;
        for (PatchJar.StateDecl s : jar.states()) {
            states.put(s.id(), new State(s.id(), s.version()));
        }
    }

    public String id() {
        return jar.id();
    }

    public PatchJar jar() {
        return jar;
    }

    public boolean enabled() {
        return enabled;
    }

    void enabled(boolean on) {
        enabled = on;
    }

    /** The transition this patch is in: {@code none}, {@code patching} or {@code unpatching}. */
    public String transition() {
        return transition;
    }

    void transition(String state) {
        transition = state;
    }

    /** Whether a transition of this patch was forced; a forced patch can no longer be disabled. */
    public boolean forced() {
        return forced;
    }

    void forced(boolean on) {
        forced = on;
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
