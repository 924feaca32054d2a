package dev.jlivepatch.agent.internal.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The blockers a transition would have if it started now, for a dry run:
 * read as a round reads them, but nothing is switched or made.
 */
public final class WouldBlock {

    private WouldBlock() {
    }

    /**
     * The threads that would block a transition touching these methods if it
     * started now: every live thread with a frame of one of them on its
     * stack, read in one batch as a round reads them. Read-only: no thread
     * is switched and no transition is made; the calling thread is left out.
     *
     * @param methods per target class, the methods ({@code name(desc)ret}) the transition would affect
     * @return the would-be blockers, by thread id
     */
    public static List<Blocker> of(Map<Class<?>, ? extends Iterable<String>> methods) {
        Affected aff = Affected.NONE;
        for (Map.Entry<Class<?>, ? extends Iterable<String>> e : methods.entrySet()) {
            aff = aff.plus(e.getKey(), e.getValue());
        }
        List<Blocker> out = new ArrayList<>();
        if (methods.isEmpty()) {
            return out;
        }
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> e : Threads.stacks(List.of(), t -> false).entrySet()) {
            int first = e.getKey() == self ? -1 : aff.first(e.getValue());
            if (first >= 0 && e.getKey().isAlive()) {
                out.add(Transition.blocker(e.getKey(), e.getValue()[first].toString()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(Blocker::id));
        return out;
    }
}
