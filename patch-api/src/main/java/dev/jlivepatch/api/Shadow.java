package dev.jlivepatch.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shadow variables (the kernel's {@code klp_shadow_*}): extra state attached to
 * live objects that a patch cannot add fields to. A shadow variable is keyed by
 * the object's identity and a numeric id; the object is held weakly, so a
 * shadow variable goes away with its object. Every operation is thread-safe.
 *
 * <p>Shadow variables are shared by every patch in the JVM: a patch that
 * replaces another takes over the variables it set up.
 *
 * <p>The value must not refer back to its object strongly, or the object (and
 * its value) is never collected.
 */
public final class Shadow {
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final Map<Key, Map<Long, Object>> SHADOWS = new ConcurrentHashMap<>();

    private Shadow() {
    }

    /**
     * Returns the shadow variable of {@code obj} with the given id
     * ({@code klp_shadow_get}).
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param <T> the variable's type
     * @return the variable, or {@code null} if there is none
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object obj, long id) {
        Map<Long, Object> vars = SHADOWS.get(new Key(obj));
        return vars == null ? null : (T) vars.get(id);
    }

    /**
     * Attaches a new shadow variable to {@code obj} ({@code klp_shadow_alloc}).
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value; runs at most once, under the variable's lock
     * @param <T> the variable's type
     * @return the new variable, or {@code null} if {@code obj} already has one
     *     with this id (as the kernel's, which warns and returns NULL)
     */
    public static <T> T alloc(Object obj, long id, Supplier<? extends T> ctor) {
        Object[] made = new Object[1];
        vars(obj).computeIfAbsent(id, k -> made[0] = nonNull(ctor.get()));
        @SuppressWarnings("unchecked")
        T value = (T) made[0];
        return value;
    }

    /**
     * Returns the shadow variable of {@code obj} with the given id, attaching a
     * new one first if there is none ({@code klp_shadow_get_or_alloc}).
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value if there is none; runs at most once
     * @param <T> the variable's type
     * @return the existing or new variable
     */
    @SuppressWarnings("unchecked")
    public static <T> T getOrAlloc(Object obj, long id, Supplier<? extends T> ctor) {
        return (T) vars(obj).computeIfAbsent(id, k -> nonNull(ctor.get()));
    }

    /**
     * Detaches the shadow variable of {@code obj} with the given id
     * ({@code klp_shadow_free}).
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param dtor receives the detached value, if there was one; may be {@code null}
     * @param <T> the variable's type
     */
    @SuppressWarnings("unchecked")
    public static <T> void free(Object obj, long id, Consumer<? super T> dtor) {
        Map<Long, Object> vars = SHADOWS.get(new Key(obj));
        if (vars == null) {
            return;
        }
        Object value = vars.remove(id);
        if (value != null && dtor != null) {
            dtor.accept((T) value);
        }
    }

    /**
     * Detaches the shadow variable of {@code obj} with the given id.
     *
     * @param obj the object
     * @param id the shadow variable id
     */
    public static void free(Object obj, long id) {
        free(obj, id, null);
    }

    /**
     * Detaches the shadow variables with the given id from every object
     * ({@code klp_shadow_free_all}).
     *
     * @param id the shadow variable id
     * @param dtor receives each live object and its detached value; may be {@code null}
     * @param <T> the variables' type
     */
    @SuppressWarnings("unchecked")
    public static <T> void freeAll(long id, BiConsumer<Object, ? super T> dtor) {
        for (Map.Entry<Key, Map<Long, Object>> e : SHADOWS.entrySet()) {
            Object value = e.getValue().remove(id);
            Object obj = e.getKey().get();
            if (value != null && obj != null && dtor != null) {
                dtor.accept(obj, (T) value);
            }
        }
    }

    /**
     * Detaches the shadow variables with the given id from every object.
     *
     * @param id the shadow variable id
     */
    public static void freeAll(long id) {
        freeAll(id, null);
    }

    private static Map<Long, Object> vars(Object obj) {
        expunge();
        return SHADOWS.computeIfAbsent(new Key(obj, COLLECTED), k -> new ConcurrentHashMap<>());
    }

    private static Object nonNull(Object value) {
        if (value == null) {
            throw new NullPointerException("a shadow variable's constructor returned null");
        }
        return value;
    }

    /**
     * Drops the variables of objects that have been collected. An object's
     * (possibly empty) map stays until then, so that a racing alloc never
     * writes into a map that free has just unlinked.
     */
    private static void expunge() {
        for (Object ref; (ref = COLLECTED.poll()) != null; ) {
            SHADOWS.remove(ref);
        }
    }

    /** A weak, identity-based key; a cleared key equals only itself. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object obj) {
            super(requireObject(obj));
            hash = System.identityHashCode(obj);
        }

        Key(Object obj, ReferenceQueue<Object> queue) {
            super(requireObject(obj), queue);
            hash = System.identityHashCode(obj);
        }

        private static Object requireObject(Object obj) {
            if (obj == null) {
                throw new NullPointerException("shadow variables attach to objects, not null");
            }
            return obj;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Key)) {
                return false;
            }
            Object mine = get();
            return mine != null && mine == ((Key) other).get();
        }
    }
}
