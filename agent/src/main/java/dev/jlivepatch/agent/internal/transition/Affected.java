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
    static final Affected NONE = new Affected(Map.of(), Map.of());

    private final Map<Object, Set<String>> exact;
    /** Method names by class name: matching a stack trace builds no string. */
    private final Map<String, Set<String>> names;

    private Affected(Map<Object, Set<String>> exact, Map<String, Set<String>> names) {
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
     * Adds classes' methods, all at once (one copy of the maps however many classes: a transition of a
     * thousand classes copied them a thousand times).
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
        Map<String, Set<String>> n = new HashMap<>(names);
        for (Map.Entry<Class<?>, ? extends Iterable<String>> entry : keys.entrySet()) {
            Class<?> type = entry.getKey();
            ClassKey key = new ClassKey(type);
            Set<String> mine = new HashSet<>(e.getOrDefault(key, Set.of()));
            Set<String> named = new HashSet<>(n.getOrDefault(type.getName(), Set.of()));
            for (String k : entry.getValue()) {
                mine.add(k);
                named.add(k.substring(0, k.indexOf('(')));
            }
            e.put(key, Set.copyOf(mine));
            n.put(type.getName(), Set.copyOf(named));
        }
        return new Affected(Map.copyOf(e), Map.copyOf(n));
    }

    boolean has(Class<?> type, String name, String descriptor) {
        Set<String> keys = exact.get(new Probe(type));
        return keys != null && keys.contains(name + descriptor);
    }

    /** The index of the first (innermost) affected frame of a stack trace, or -1 if it is clean. */
    int first(StackTraceElement[] frames) {
        for (int i = 0; i < frames.length; i++) {
            if (matches(frames[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last (outermost) affected frame of a stack trace, or -1 if it is clean. */
    int last(StackTraceElement[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (matches(frames[i])) {
                return i;
            }
        }
        return -1;
    }

    private boolean matches(StackTraceElement f) {
        Set<String> methods = names.get(f.getClassName());
        return methods != null && methods.contains(f.getMethodName());
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
