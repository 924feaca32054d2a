package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/** What loading a patch jar would do, found by a dry run that changed nothing (an open type). */
public final class DryRunInfo {
    private final String id;
    private final String description;
    private final boolean replace;
    private final List<String> replaces;
    private final List<TargetInfo> targets;
    private final List<CheckInfo> checks;
    private final List<BlockerInfo> blockingThreads;
    private final List<String> notes;
    private final String refusal;

    /**
     * @param id the patch id, or null when the jar could not be read
     * @param description the manifest's {@code Livepatch-Description}, or null
     * @param replace whether it is an atomic-replace patch
     * @param replaces the enabled patches it would replace
     * @param targets the classes it would patch now ({@code loaded}) and those checked by their class file
     * @param checks each check of a load and its outcome, in order
     * @param blockingThreads the threads that would block its patching transition if it started now
     * @param notes what else to know: what the dry run did not run, what the load would do besides
     * @param refusal the reason of the first check that failed, or null when every check passed
     */
    @ConstructorProperties({"id", "description", "replace", "replaces", "targets", "checks", "blockingThreads",
        "notes", "refusal"})
    public DryRunInfo(String id, String description, boolean replace, List<String> replaces, List<TargetInfo> targets,
                      List<CheckInfo> checks, List<BlockerInfo> blockingThreads, List<String> notes, String refusal) {
        this.id = id;
        this.description = description;
        this.replace = replace;
        this.replaces = List.copyOf(replaces);
        this.targets = List.copyOf(targets);
        this.checks = List.copyOf(checks);
        this.blockingThreads = List.copyOf(blockingThreads);
        this.notes = List.copyOf(notes);
        this.refusal = refusal;
    }

    /** @return the patch id ({@code Livepatch-Id}), or null when the jar could not be read */
    public String getId() {
        return id;
    }

    /** @return the manifest's {@code Livepatch-Description}, or null */
    public String getDescription() {
        return description;
    }

    /** @return whether it is an atomic-replace patch */
    public boolean isReplace() {
        return replace;
    }

    /** @return the ids of the enabled patches it would replace (an atomic replace, or the version it upgrades) */
    public List<String> getReplaces() {
        return replaces;
    }

    /**
     * @return per class and class loader, the methods it would replace: {@code loaded} targets now, the others
     *     (checked against the class file their loader would define them from) as they load; never patched
     */
    public List<TargetInfo> getTargets() {
        return targets;
    }

    /** @return each check a load runs, with its outcome */
    public List<CheckInfo> getChecks() {
        return checks;
    }

    /** @return the threads that run a method the patch would affect, now: they would block its transition */
    public List<BlockerInfo> getBlockingThreads() {
        return blockingThreads;
    }

    /** @return what else to know, one sentence each */
    public List<String> getNotes() {
        return notes;
    }

    /** @return the reason a load would be refused with (the first failed check's), or null */
    public String getRefusal() {
        return refusal;
    }
}
