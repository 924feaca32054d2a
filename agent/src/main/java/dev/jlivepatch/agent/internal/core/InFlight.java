package dev.jlivepatch.agent.internal.core;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Classes whose definition the transformer is deciding right now. An enable
 * publishes its patch to loading classes, then looks for the loaded ones; a
 * class whose transformer read the targets just before the publish, and whose
 * definition ends just after the look, would slip between the two. The
 * enable waits for the transformer to return for such classes, and then a
 * moment more for the JVM to finish their definitions, so its look sees them.
 * (A definition still unfinished that moment after its transformer returned
 * could still slip: a thread descheduled exactly there. The window is what
 * remains of a race the kernel closes with its module mutex; the JVM offers
 * no hook at the end of a definition.)
 */
final class InFlight {
    private final Map<Object, String> names = new ConcurrentHashMap<>();

    Object enter(String internalName) {
        Object token = new Object();
        names.put(token, internalName.replace('/', '.'));
        return token;
    }

    void exit(Object token) {
        names.remove(token);
    }

    /**
     * Waits, at most {@code millis}, until no definition of a class of these
     * names that began before this call is still being decided.
     *
     * @return whether any was
     */
    boolean settle(Collection<String> classNames, long millis) {
        Map<Object, String> now = Map.copyOf(names);
        boolean any = false;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Map.Entry<Object, String> e : now.entrySet()) {
            if (!classNames.contains(e.getValue())) {
                continue;
            }
            any = true;
            while (names.containsKey(e.getKey()) && System.nanoTime() < end) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        return any;
    }
}
