package dev.jlivepatch.runtime;

/**
 * What a func site asks while a transition runs: does the current thread run
 * the patched state or the unpatched one? The transition manager implements
 * it with the per-thread patch state (the kernel's {@code task->patch_state}).
 */
public abstract class Transition {

    /** For subclasses. */
    protected Transition() {
    }

    /**
     * Whether the current thread runs the patched state. Called from a stub on
     * entry to an affected method; an implementation may switch the thread
     * here if no other frame on its stack is in an affected method.
     *
     * @param site the func site being entered
     * @return {@code true} to run the entry with the transition's patch
     */
    public abstract boolean patched(FuncSite site);
}
