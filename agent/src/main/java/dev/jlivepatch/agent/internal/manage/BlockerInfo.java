package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;

/** A thread that keeps the running transition from completing, and the frame that holds it. */
public final class BlockerInfo {
    private final String thread;
    private final long threadId;
    private final boolean virtual;
    private final String frame;

    /**
     * @param thread the thread's name
     * @param threadId the thread's id
     * @param virtual whether it is a virtual thread
     * @param frame the affected frame, as a stack-trace line
     */
    @ConstructorProperties({"thread", "threadId", "virtual", "frame"})
    public BlockerInfo(String thread, long threadId, boolean virtual, String frame) {
        this.thread = thread;
        this.threadId = threadId;
        this.virtual = virtual;
        this.frame = frame;
    }

    /** @return the thread's name */
    public String getThread() {
        return thread;
    }

    /** @return the thread's id ({@code Thread.getId()}) */
    public long getThreadId() {
        return threadId;
    }

    /** @return whether it is a virtual thread */
    public boolean isVirtual() {
        return virtual;
    }

    /** @return the frame on its stack that runs code the transition replaces, as a stack-trace line */
    public String getFrame() {
        return frame;
    }

    @Override
    public String toString() {
        return "thread '" + thread + "' (id " + threadId + (virtual ? ", virtual" : "") + ") in " + frame;
    }
}
