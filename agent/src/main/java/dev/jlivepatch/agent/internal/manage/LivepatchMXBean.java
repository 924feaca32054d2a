package dev.jlivepatch.agent.internal.manage;

import java.util.List;

/**
 * The management interface, {@code dev.jlivepatch:type=Livepatch}: the JVM's
 * counterpart of the kernel's {@code /sys/kernel/livepatch}. Operations fail
 * with an exception whose message is the one-line reason.
 */
public interface LivepatchMXBean {

    /** @return every registered patch, bottom of the stack first */
    List<PatchInfo> getPatches();

    /**
     * Reads a patch jar, puts it on top of the stack and enables it.
     *
     * @param path the patch jar
     * @return the patch id
     */
    String load(String path);

    /** @param id the patch to enable */
    void enable(String id);

    /** @param id the patch to disable */
    void disable(String id);

    /** @param id the disabled patch to drop */
    void remove(String id);

    /** @param id the patch whose stalled transition to complete without the consistency check */
    void force(String id);

    /**
     * Waits for the running transition to complete.
     *
     * @param millis how long to wait at most
     * @return {@code true} if no transition runs
     */
    boolean awaitTransition(long millis);

    /** @return the threads blocking the running transition and the frame that holds each; empty when none runs */
    List<String> getBlockers();
}
