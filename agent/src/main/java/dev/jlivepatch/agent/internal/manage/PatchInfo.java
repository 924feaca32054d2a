package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/** A patch as the MBean shows it. */
public final class PatchInfo {
    private final String id;
    private final boolean enabled;
    private final String transition;
    private final List<String> targets;

    @ConstructorProperties({"id", "enabled", "transition", "targets"})
    public PatchInfo(String id, boolean enabled, String transition, List<String> targets) {
        this.id = id;
        this.enabled = enabled;
        this.transition = transition;
        this.targets = targets;
    }

    /** @return the patch id */
    public String getId() {
        return id;
    }

    /** @return whether the patch is enabled */
    public boolean isEnabled() {
        return enabled;
    }

    /** @return the transition state: {@code none} outside a transition */
    public String getTransition() {
        return transition;
    }

    /** @return the loaded classes the patch is applied to, as {@code name (in N class loaders)} */
    public List<String> getTargets() {
        return targets;
    }
}
