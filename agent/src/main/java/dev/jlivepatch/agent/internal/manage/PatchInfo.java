package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/** A patch as the MBean shows it (an open type: {@code CompositeData} to generic JMX clients). */
public final class PatchInfo {
    private final String id;
    private final String description;
    private final boolean enabled;
    private final String transition;
    private final boolean forced;
    private final boolean replace;
    private final int stackOrder;
    private final List<TargetInfo> targets;

    /**
     * @param id the patch id
     * @param description the manifest's {@code Livepatch-Description}, or null
     * @param enabled whether the patch is enabled
     * @param transition {@code none}, {@code patching} or {@code unpatching}
     * @param forced whether a transition of the patch was forced
     * @param replace whether it is an atomic-replace patch ({@code Livepatch-Replace: true})
     * @param stackOrder its place on the stack, 1 for the oldest loaded
     * @param targets its target classes: loaded (patched or not) and refused
     */
    @ConstructorProperties({"id", "description", "enabled", "transition", "forced", "replace", "stackOrder",
        "targets"})
    public PatchInfo(String id, String description, boolean enabled, String transition, boolean forced,
                     boolean replace, int stackOrder, List<TargetInfo> targets) {
        this.id = id;
        this.description = description;
        this.enabled = enabled;
        this.transition = transition;
        this.forced = forced;
        this.replace = replace;
        this.stackOrder = stackOrder;
        this.targets = List.copyOf(targets);
    }

    /** @return the patch id ({@code Livepatch-Id}) */
    public String getId() {
        return id;
    }

    /** @return the manifest's {@code Livepatch-Description}, or null when it has none */
    public String getDescription() {
        return description;
    }

    /** @return whether the patch is enabled */
    public boolean isEnabled() {
        return enabled;
    }

    /** @return the transition the patch is in: {@code none}, {@code patching} or {@code unpatching} */
    public String getTransition() {
        return transition;
    }

    /** @return whether a transition of this patch was forced (it can then no longer be disabled) */
    public boolean isForced() {
        return forced;
    }

    /** @return whether it is an atomic-replace (cumulative) patch */
    public boolean isReplace() {
        return replace;
    }

    /** @return its place on the stack: 1 for the oldest loaded, closing up when a patch is removed */
    public int getStackOrder() {
        return stackOrder;
    }

    /** @return each target class per class loader: loaded (patched or not, with the methods) or refused */
    public List<TargetInfo> getTargets() {
        return targets;
    }
}
