package dev.jlivepatch.api;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Objects;
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
 *
 * <p>As the kernel's, {@link #alloc} warns when the variable exists already,
 * and a constructor that fails leaves nothing behind. Those reports go to the
 * {@link System.Logger} named {@code jlivepatch} ({@link System#getLogger});
 * inside a JVM running the jlivepatch agent, the agent routes them into its own
 * log, next to its other lines.
 */
public final class Shadow {
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final Map<Key, Map<Long, Object>> SHADOWS = new ConcurrentHashMap<>();
    /**
     * Where warnings and errors go: the JDK's logger {@code jlivepatch}, found
     * on first use; the agent sets its own here as it starts (by reflection,
     * so that this class stays free of any API for it).
     */
    private static volatile System.Logger log;

    private Shadow() {
    }

    /**
     * A shadow variable's constructor (the kernel's {@code klp_shadow_ctor_t}):
     * makes the value of a new variable of {@code obj} from the caller's
     * {@code ctorData}. It runs at most once per new variable, while no other
     * thread can attach the same one, so it must not call {@code Shadow} for
     * the same object. It fails by returning {@code null} or by throwing; then
     * nothing is attached.
     *
     * @param <T> the variable's type
     * @param <D> the caller's data
     */
    @FunctionalInterface
    public interface Ctor<T, D> {
        /**
         * Makes the value.
         *
         * @param obj the object the variable is for
         * @param ctorData what the caller passed to {@code alloc} or {@code getOrAlloc}
         * @return the value, or {@code null} to fail (nothing is attached)
         */
        T construct(Object obj, D ctorData);
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
     * Attaches a new shadow variable to {@code obj} ({@code klp_shadow_alloc}),
     * its value made by {@code ctor} from {@code obj} and {@code ctorData}.
     *
     * <p>If {@code obj} has a variable with this id already, nothing changes:
     * a warning is logged ({@code duplicate shadow variable <obj, id>}) and the
     * result is {@code null}, as the kernel warns and returns NULL. If the
     * constructor returns {@code null}, nothing is attached, an error is logged
     * and the result is {@code null}; if it throws, nothing is attached, an
     * error is logged and its exception reaches the caller unchanged.
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value; runs at most once, and not at all if the variable exists
     * @param ctorData passed to the constructor
     * @param <T> the variable's type
     * @param <D> the constructor's data
     * @return the new variable, or {@code null} if it existed or the constructor returned {@code null}
     */
    public static <T, D> T alloc(Object obj, long id, Ctor<? extends T, ? super D> ctor, D ctorData) {
        return attach(obj, id, ctor, ctorData, true);
    }

    /**
     * Attaches a new shadow variable to {@code obj} ({@code klp_shadow_alloc}),
     * its value made by {@code ctor}: as {@link #alloc(Object, long, Ctor, Object)}
     * with a constructor that needs neither the object nor data.
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value; runs at most once, under the variable's lock
     * @param <T> the variable's type
     * @return the new variable, or {@code null} if {@code obj} already has one
     *     with this id (as the kernel's, which warns and returns NULL) or the
     *     constructor returned {@code null}
     */
    public static <T> T alloc(Object obj, long id, Supplier<? extends T> ctor) {
        Objects.requireNonNull(ctor, "ctor");
        return attach(obj, id, (o, d) -> ctor.get(), null, true);
    }

    /**
     * Returns the shadow variable of {@code obj} with the given id, attaching a
     * new one first if there is none ({@code klp_shadow_get_or_alloc}), its
     * value made by {@code ctor} from {@code obj} and {@code ctorData}. A
     * constructor that fails does as for {@link #alloc(Object, long, Ctor, Object)}:
     * nothing is attached, and the result is {@code null} (it returned
     * {@code null}) or its exception (it threw).
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value if there is none; runs at most once
     * @param ctorData passed to the constructor
     * @param <T> the variable's type
     * @param <D> the constructor's data
     * @return the existing or new variable, or {@code null} if the constructor returned {@code null}
     */
    public static <T, D> T getOrAlloc(Object obj, long id, Ctor<? extends T, ? super D> ctor, D ctorData) {
        return attach(obj, id, ctor, ctorData, false);
    }

    /**
     * Returns the shadow variable of {@code obj} with the given id, attaching a
     * new one first if there is none ({@code klp_shadow_get_or_alloc}): as
     * {@link #getOrAlloc(Object, long, Ctor, Object)} with a constructor that
     * needs neither the object nor data.
     *
     * @param obj the object
     * @param id the shadow variable id
     * @param ctor makes the value if there is none; runs at most once
     * @param <T> the variable's type
     * @return the existing or new variable, or {@code null} if the constructor returned {@code null}
     */
    public static <T> T getOrAlloc(Object obj, long id, Supplier<? extends T> ctor) {
        Objects.requireNonNull(ctor, "ctor");
        return attach(obj, id, (o, d) -> ctor.get(), null, false);
    }

    /**
     * The kernel's {@code __klp_shadow_get_or_alloc}: the constructor runs
     * inside the map's atomic compute, so that at most one value is ever made
     * and a failed one is never seen by anyone.
     */
    private static <T, D> T attach(Object obj, long id, Ctor<? extends T, ? super D> ctor, D ctorData,
            boolean warnOnExist) {
        Objects.requireNonNull(ctor, "ctor");
        Map<Long, Object> vars = vars(obj);
        boolean[] ran = new boolean[1];
        Object value;
        try {
            value = vars.computeIfAbsent(id, k -> {
                ran[0] = true;
                return ctor.construct(obj, ctorData);
            });
        } catch (RuntimeException | Error e) {
            report(System.Logger.Level.ERROR, "failed to construct shadow variable " + name(obj, id) + ": " + e);
            throw e;
        }
        if (ran[0]) {
            if (value == null) {
                report(System.Logger.Level.ERROR, "failed to construct shadow variable " + name(obj, id)
                        + ": the constructor returned null");
            }
        } else if (warnOnExist) {
            report(System.Logger.Level.WARNING, "duplicate shadow variable " + name(obj, id));
            return null;
        }
        @SuppressWarnings("unchecked")
        T made = (T) value;
        return made;
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

    /** {@code <CLASS@HASH, 0xID>}, as the kernel names a variable {@code <%p, %lx>}; never calls the object. */
    private static String name(Object obj, long id) {
        return "<" + obj.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(obj)) + ", 0x"
                + Long.toHexString(id) + ">";
    }

    private static void report(System.Logger.Level level, String message) {
        System.Logger l = log;
        if (l == null) {
            l = System.getLogger("jlivepatch");
            log = l;
        }
        l.log(level, message);
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
