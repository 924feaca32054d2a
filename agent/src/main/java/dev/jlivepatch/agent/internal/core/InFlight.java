package dev.jlivepatch.agent.internal.core;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Classes whose definition the transformer is deciding right now, or decided
 * a moment ago. An enable publishes its patch to loading classes, then looks
 * for the loaded ones; a class whose transformer read the targets just before
 * the publish, and whose definition ends just after the look, would slip
 * between the two. The enable waits for the transformer to return for such
 * classes, and then a moment more for the JVM to finish their definitions, so
 * its look sees them; a transformer that returned less than that moment
 * before the enable looked counts too, as its definition may still be under
 * way. (A definition still unfinished that moment after its transformer
 * returned could still slip: a thread descheduled exactly there. The window
 * is what remains of a race the kernel closes with its module mutex; the JVM
 * offers no hook at the end of a definition.)
 */
final class InFlight {
    /** The moment a definition is given after its transformer returned. */
    static final long MOMENT_MILLIS = 5;
    private static final long MOMENT_NANOS = TimeUnit.MILLISECONDS.toNanos(MOMENT_MILLIS);

    /** A transformer's decision: the class's name, and when it returned ({@code done}), if it has. */
    private static final class Entry {
        final String name;
        volatile boolean done;
        volatile long doneNanos;

        Entry(String name) {
            this.name = name;
        }

        boolean recent(long now) {
            return !done || now - doneNanos < MOMENT_NANOS;
        }
    }

    private final Map<Object, Entry> names = new ConcurrentHashMap<>();
    private volatile long nextPurge = System.nanoTime();

    Object enter(String internalName) {
        purge();
        Object token = new Object();
        names.put(token, new Entry(internalName.replace('/', '.')));
        return token;
    }

    void exit(Object token) {
        Entry e = names.get(token);
        if (e != null) {
            e.doneNanos = System.nanoTime();
            e.done = true;
        }
    }

    /**
     * Waits, at most {@code millis}, until no definition of a class of these
     * names that began before this call is still being decided.
     *
     * @return whether any was, or had been decided less than {@link #MOMENT_MILLIS} ago: its definition may
     *     still be under way
     */
    boolean settle(Collection<String> classNames, long millis) {
        Map<Object, Entry> now = Map.copyOf(names);
        boolean any = false;
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Entry e : now.values()) {
            if (!classNames.contains(e.name) || !e.recent(start)) {
                continue;
            }
            any = true;
            while (!e.done && System.nanoTime() < end) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        return any;
    }

    /** Forgets the decisions older than the moment, at most once a moment. */
    private void purge() {
        long now = System.nanoTime();
        if (now - nextPurge < 0) {
            return;
        }
        nextPurge = now + MOMENT_NANOS;
        names.values().removeIf(e -> !e.recent(now));
    }
}
