package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * The call counter of one replacement (one method of one binding), and the
 * links that count through it: a bridge that increments the counter and then
 * calls the replacement, for the method's stub, and the same as a method
 * handle, for the {@code @Original} sites of newer patches that run it. Made
 * the first time calls are counted, and kept with the binding, so that the
 * count goes on where it stopped when counting is switched on again.
 */
final class Counter {
    private final LongAdder calls = new LongAdder();
    private final Object bridge;
    private final MethodHandle entry;

    /**
     * @param key the method, for the log
     * @param bridge the replacement's plain bridge
     * @param entry the replacement's method handle, in the bridge's shape
     */
    Counter(String key, Object bridge, MethodHandle entry) {
        MethodHandle counting = Bridges.counting(entry, calls);
        Object b;
        try {
            b = Bridges.counting(bridge, counting);
        } catch (Throwable e) {
            // Not expected: the plain bridge was made the same way. Its calls are not counted rather than failing.
            Log.warn("cannot count the calls of " + key + ": " + e);
            b = bridge;
            counting = entry;
        }
        this.bridge = b;
        this.entry = counting;
    }

    /** @return the bridge that counts */
    Object bridge() {
        return bridge;
    }

    /** @return the replacement's method handle that counts */
    MethodHandle entry() {
        return entry;
    }

    /** @return the calls counted so far */
    long calls() {
        return calls.sum();
    }
}
