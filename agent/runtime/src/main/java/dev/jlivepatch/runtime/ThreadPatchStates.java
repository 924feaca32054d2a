package dev.jlivepatch.runtime;

/**
 * The per-thread side of a running transition, as a func site sees it: which
 * state does the current thread run, patched or unpatched? The agent's
 * transition implements it with each thread's patch state (the kernel's
 * {@code task->patch_state}).
 */
public abstract class ThreadPatchStates {

    /** For the agent's implementation. */
    protected ThreadPatchStates() {
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

    /**
     * Whether the current thread runs the patched state now, without counting
     * an entry or switching it: for code already running inside an affected
     * method (a replacement calling the code it replaced), which must stay on
     * its thread's side.
     *
     * @return {@code true} for the patched state
     */
    public abstract boolean current();
}
