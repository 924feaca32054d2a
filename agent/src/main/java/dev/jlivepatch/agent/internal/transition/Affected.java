package dev.jlivepatch.agent.internal.transition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The methods a transition touches. A thread's own walk sees classes and
 * descriptors and matches exactly; the manager's stack traces carry only
 * names, so it matches by class and method name, which may also hold a
 * thread for an overload or a same-named class of another loader: a safe
 * error, as waiting longer never mixes code. Immutable.
 */
final class Affected {
    static final Affected NONE = new Affected(Map.of(), Set.of());

    private final Map<Class<?>, Set<String>> exact;
    private final Set<String> names;

    private Affected(Map<Class<?>, Set<String>> exact, Set<String> names) {
        this.exact = exact;
        this.names = names;
    }

    /**
     * Adds a class's methods.
     *
     * @param type the target class
     * @param keys its methods, as {@code name(desc)ret}
     */
    Affected plus(Class<?> type, Iterable<String> keys) {
        Map<Class<?>, Set<String>> e = new HashMap<>(exact);
        Set<String> n = new HashSet<>(names);
        Set<String> mine = new HashSet<>(e.getOrDefault(type, Set.of()));
        for (String key : keys) {
            mine.add(key);
            n.add(type.getName() + "." + key.substring(0, key.indexOf('(')));
        }
        e.put(type, Set.copyOf(mine));
        return new Affected(Map.copyOf(e), Set.copyOf(n));
    }

    boolean has(Class<?> type, String name, String descriptor) {
        Set<String> keys = exact.get(type);
        return keys != null && keys.contains(name + descriptor);
    }

    /** The first affected frame of a stack trace, or null if it is clean. */
    StackTraceElement firstIn(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            if (names.contains(f.getClassName() + "." + f.getMethodName())) {
                return f;
            }
        }
        return null;
    }
}
