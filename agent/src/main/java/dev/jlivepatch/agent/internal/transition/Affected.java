package dev.jlivepatch.agent.internal.transition;

import java.lang.ref.WeakReference;
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
 *
 * <p>Classes are held weakly: a class whose loader the application drops
 * while a transition is stalled is collected (the kernel's module going
 * during a transition); its entry then matches nothing.
 */
final class Affected {
    static final Affected NONE = new Affected(Map.of(), Set.of());

    private final Map<Object, Set<String>> exact;
    private final Set<String> names;

    private Affected(Map<Object, Set<String>> exact, Set<String> names) {
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
        return plus(Map.of(type, keys));
    }

    /**
     * Adds classes' methods, all at once (one copy of the sets however many classes).
     *
     * @param keys per target class, its methods, as {@code name(desc)ret}
     */
    Affected plus(Map<Class<?>, ? extends Iterable<String>> keys) {
        Map<Object, Set<String>> e = new HashMap<>();
        exact.forEach((k, v) -> {
            if (((ClassKey) k).get() != null) {
                e.put(k, v);
            }
        });
        Set<String> n = new HashSet<>(names);
        for (Map.Entry<Class<?>, ? extends Iterable<String>> entry : keys.entrySet()) {
            Class<?> type = entry.getKey();
            ClassKey key = new ClassKey(type);
            Set<String> mine = new HashSet<>(e.getOrDefault(key, Set.of()));
            for (String k : entry.getValue()) {
                mine.add(k);
                n.add(type.getName() + "." + k.substring(0, k.indexOf('(')));
            }
            e.put(key, Set.copyOf(mine));
        }
        return new Affected(Map.copyOf(e), Set.copyOf(n));
    }

    boolean has(Class<?> type, String name, String descriptor) {
        Set<String> keys = exact.get(new Probe(type));
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

    /** A class held weakly, equal to the keys and probes of the same class; a cleared key equals only itself. */
    private static final class ClassKey extends WeakReference<Class<?>> {
        private final int hash;

        ClassKey(Class<?> type) {
            super(type);
            hash = System.identityHashCode(type);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            Class<?> mine = get();
            return mine != null && (o instanceof ClassKey k && k.get() == mine || o instanceof Probe p && p.type == mine);
        }
    }

    /** A lookup of a class among the keys, without a reference object. */
    private record Probe(Class<?> type) {
        @Override
        public int hashCode() {
            return System.identityHashCode(type);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ClassKey k && k.get() == type || o instanceof Probe p && p.type == type;
        }
    }
}
