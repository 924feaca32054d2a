package dev.jlivepatch.runtime;

/**
 * What a func site asks while a transition runs: has this thread switched to
 * the transition's target state yet? The transition manager implements it.
 */
public abstract class Transition {

    /** For subclasses. */
    protected Transition() {
    }

    /**
     * Whether the current thread runs the transition's target state. Called
     * from a stub on entry to an affected method; an implementation may switch
     * the thread here if its stack is clean.
     *
     * @param site the func site being entered
     * @return {@code true} to run the target state's entry
     */
    public abstract boolean switched(FuncSite site);
}
