package dev.jlivepatch.agent.internal.transition;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads the manager's last round left behind that have not switched
 * since. The last of them to switch itself wakes the manager, which then
 * completes the transition without waiting out its back-off.
 */
final class Waiting {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile Thread manager;

    /** Unparks {@code t} when the set empties. */
    void wake(Thread t) {
        manager = t;
    }

    /** The round's threads left behind, now: those not yet switched (rounds only). */
    void reset(Iterable<Thread> left, java.util.function.Predicate<Thread> switched) {
        threads.clear();
        for (Thread t : left) {
            if (!switched.test(t)) {
                threads.add(t); // one that switched itself since the look needs no more wait
            }
        }
    }

    void clear() {
        threads.clear();
    }

    /** A thread has switched itself: if it was the last one waited for, the manager wakes. */
    void switched(Thread self) {
        if (!threads.isEmpty() && threads.remove(self) && threads.isEmpty()) {
            LockSupport.unpark(manager);
        }
    }

    boolean isEmpty() {
        return threads.isEmpty();
    }
}
