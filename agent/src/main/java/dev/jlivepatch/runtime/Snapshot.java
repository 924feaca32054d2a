package dev.jlivepatch.runtime;

/**
 * An immutable view of a func stack, all a stub needs: the entry that threads
 * in the target state run, the entry the others run, and the transition that
 * tells them apart. An entry is a bridge object, or {@code null} for the
 * original body (an empty stack or a NOP).
 */
public final class Snapshot {
    /** No patch: every thread runs the original body. */
    public static final Snapshot ORIGINAL = new Snapshot(null, null, null);

    final Object target;
    final Object previous;
    final Transition transition;

    private Snapshot(Object target, Object previous, Transition transition) {
        this.target = target;
        this.previous = previous;
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
     * A transition: threads that have switched run {@code target}, the others
     * {@code previous}.
     *
     * @param target the target state's entry
     * @param previous the entry of the state being left
     * @param transition tells which threads have switched
     * @return the snapshot
     */
    public static Snapshot inTransition(Object target, Object previous, Transition transition) {
        if (transition == null) {
            throw new NullPointerException("transition");
        }
        return new Snapshot(target, previous, transition);
    }

    /**
     * The entry that threads in the target state run.
     *
     * @return the bridge, or {@code null} for the original body
     */
    public Object target() {
        return target;
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
        Transition t = transition;
        if (t == null) {
            return target;
        }
        return t.switched(site) ? target : previous;
    }
}
