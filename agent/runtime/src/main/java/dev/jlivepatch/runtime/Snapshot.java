package dev.jlivepatch.runtime;

/**
 * An immutable view of a func stack, all a stub needs (the kernel's RCU-read
 * {@code func_stack}): in a steady state the one entry every thread runs;
 * during a transition the entry with the transition's patch, the entry below
 * it, and the transition that tells which one the current thread runs. An
 * entry is a bridge object, or {@code null} for the original body (an empty
 * stack or a NOP). A reversal changes no snapshot: a thread's patch state
 * alone picks its entry, whichever way the transition is going.
 */
public final class Snapshot {
    /** No patch: every thread runs the original body. */
    public static final Snapshot ORIGINAL = new Snapshot(null, null, null);

    final Object patched;
    final Object unpatched;
    final ThreadPatchStates transition;

    private Snapshot(Object patched, Object unpatched, ThreadPatchStates transition) {
        this.patched = patched;
        this.unpatched = unpatched;
        this.transition = transition;
    }

    /**
     * A steady state: every thread runs {@code entry}.
     *
     * @param entry the bridge to run, or {@code null} for the original body
     * @return the snapshot
     */
    public static Snapshot steady(Object entry) {
        return entry == null ? ORIGINAL : new Snapshot(entry, entry, null);
    }

    /**
     * A transition: threads in the patched state run {@code patched}, the
     * others {@code unpatched}.
     *
     * @param patched the top of the func stack with the transition's patch
     * @param unpatched the entry below it
     * @param transition the running transition's thread states: which entry the current thread runs
     * @return the snapshot
     */
    public static Snapshot inTransition(Object patched, Object unpatched, ThreadPatchStates transition) {
        if (transition == null) {
            throw new NullPointerException("transition");
        }
        return new Snapshot(patched, unpatched, transition);
    }

    /**
     * The entry of a steady state (the patched one during a transition).
     *
     * @return the bridge, or {@code null} for the original body
     */
    public Object target() {
        return patched;
    }

    /**
     * Whether a transition is in progress on this site.
     *
     * @return {@code true} during a transition
     */
    public boolean inTransition() {
        return transition != null;
    }

    Object select(FuncSite site) {
        ThreadPatchStates t = transition;
        if (t == null) {
            return patched;
        }
        return t.patched(site) ? patched : unpatched;
    }
}
