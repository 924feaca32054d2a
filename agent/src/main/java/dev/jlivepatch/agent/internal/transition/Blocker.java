package dev.jlivepatch.agent.internal.transition;

/**
 * A thread that keeps a transition from completing, and the frame that holds it.
 *
 * @param thread the thread's name
 * @param id the thread's id
 * @param virtual whether it is a virtual thread
 * @param frame the affected frame on its stack, as a stack-trace line
 */
public record Blocker(String thread, long id, boolean virtual, String frame) {
    @Override
    public String toString() {
        return "thread '" + thread + "' (id " + id + (virtual ? ", virtual" : "") + ") in " + frame;
    }
}
