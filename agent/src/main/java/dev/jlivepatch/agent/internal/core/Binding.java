package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.State;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * One patch class applied to one target class of one class loader (an
 * instance of the kernel's {@code klp_object}): the patch code defined for
 * that loader, a bridge per replaced method, and the callbacks. Creating it
 * ({@link BindingMaker}) defines and initialises the patch class but changes
 * nothing in the application.
 *
 * <p>A binding made for a class that is loading exists before its class does:
 * {@link #targetClass()} is null until the class initialises.
 */
final class Binding implements PatchTarget {
    private final LoadedPatch patch;
    private final PatchClass patchClass;
    private final String targetName;
    private final ClassLoader loader;
    private final Class<?> patchType;
    private final List<String> keys;
    private final BridgeSource source;
    private final Map<String, String> originals;
    private final Map<String, OriginalSite> originalSites = new java.util.HashMap<>();
    private volatile Map<String, Object> bridges;
    private volatile Map<String, java.lang.invoke.MethodHandle> entries = Map.of();
    /** Per replaced method, its call counter, once calls were counted: stacks lock. */
    private final Map<String, Counter> counters = new java.util.HashMap<>();
    private final Registry registry;
    private volatile Class<?> target;
    private volatile boolean loading;

    /** Makes the bridges of a binding whose class is being defined, once the class exists. */
    interface BridgeSource {
        Links make() throws PatchException;
    }

    /**
     * A binding's links to its replacements: the bridge a stub calls per
     * method, and the replacement's method handle (of the bridge's shape),
     * which other patches' {@code @Original} accessors call.
     */
    record Links(Map<String, Object> bridges, Map<String, java.lang.invoke.MethodHandle> entries) {
    }

    /**
     * @param keys the replaced methods ({@code name(desc)ret}), in the patch class's order
     * @param source makes the bridges: at once for a loaded class, when a loading class initialises
     *     (a bridge's method handle names the class's type, which cannot be loaded while it is defined)
     * @param originals the {@code @Original} accessors ({@code name(desc)ret}) and the methods they run the
     *     originals of
     */
    Binding(LoadedPatch patch, PatchClass patchClass, String targetName, ClassLoader loader, Class<?> target,
            Class<?> patchType, List<String> keys, BridgeSource source, Map<String, String> originals,
            Registry registry) throws PatchException {
        this.patch = patch;
        this.patchClass = patchClass;
        this.targetName = targetName;
        this.loader = loader;
        this.target = target;
        this.patchType = patchType;
        this.keys = List.copyOf(keys);
        this.source = source;
        this.originals = Map.copyOf(originals);
        this.registry = registry;
        this.loading = target == null;
        if (target != null) {
            link(source.make());
        }
    }

    private void link(Links links) {
        entries = Map.copyOf(links.entries());
        bridges = links.bridges();
    }

    LoadedPatch patch() {
        return patch;
    }

    /** @return the patch class, or null for a NOP binding */
    PatchClass patchClass() {
        return patchClass;
    }

    /**
     * A NOP binding (the kernel's NOP funcs): an atomic-replace patch's entry
     * for methods that the patches it replaces changed and it does not. Each
     * runs the original body; it has no patch class and no callback, and it
     * leaves the func stacks when the replace transition ends.
     */
    static Binding nop(LoadedPatch patch, Class<?> target, List<String> keys, Registry registry) {
        Map<String, Object> originals = new java.util.LinkedHashMap<>();
        keys.forEach(k -> originals.put(k, null));
        try {
            return new Binding(patch, null, target.getName(), target.getClassLoader(), target, null, keys,
                    () -> new Links(java.util.Collections.unmodifiableMap(originals), Map.of()), Map.of(), registry);
        } catch (PatchException e) {
            throw new IllegalStateException(e); // a NOP makes no bridge, so nothing can fail
        }
    }

    /** @return whether this is a NOP binding */
    boolean nop() {
        return patchClass == null;
    }

    /** @return the target class, or null while it is still being defined */
    Class<?> target() {
        return target;
    }

    ClassLoader loader() {
        return loader;
    }

    /** The replaced methods, as {@code name(desc)ret}. */
    List<String> keys() {
        return keys;
    }

    /** Replaced methods' keys and their bridges; for a loading class, only once it is {@link #defined}. */
    Map<String, Object> bridges() {
        return bridges;
    }

    /**
     * The loading class exists now (it is initialising): its bridges are made.
     *
     * @throws PatchException if they cannot be
     */
    void defined(Class<?> c) throws PatchException {
        target = c;
        if (bridges == null) {
            link(source.make());
        }
    }

    /** The replacement's method handle of a method, in its bridge's shape; null for a NOP. */
    java.lang.invoke.MethodHandle entry(String key) {
        return entries.get(key);
    }

    /**
     * What a stub of the method runs for this binding: the bridge, or with
     * {@code counting} one that counts the calls first; null for a NOP.
     * Stacks lock.
     */
    Object bridge(String key, boolean counting) {
        Object plain = bridges.get(key);
        return plain == null || !counting ? plain : counter(key, plain).bridge();
    }

    /** As {@link #entry(String)}, counting the calls with {@code counting}. Stacks lock. */
    java.lang.invoke.MethodHandle entry(String key, boolean counting) {
        java.lang.invoke.MethodHandle plain = entries.get(key);
        return plain == null || !counting ? plain : counter(key, bridges.get(key)).entry();
    }

    /** The calls of a replaced method counted so far; 0 if they never were. Stacks lock. */
    long calls(String key) {
        Counter c = counters.get(key);
        return c == null ? 0 : c.calls();
    }

    private Counter counter(String key, Object plain) {
        return counters.computeIfAbsent(key, k -> new Counter(targetName + "." + k, plain, entries.get(k)));
    }

    /** The methods whose originals this binding's accessors run. */
    java.util.Collection<String> originalKeys() {
        return originals.values();
    }

    /** The method an {@code @Original} accessor ({@code name(desc)ret}) runs the original of; or null. */
    String originalKey(String accessor) {
        return originals.get(accessor);
    }

    /** The binding's {@code @Original} call sites, by method. Stacks lock. */
    Map<String, OriginalSite> originalSites() {
        return originalSites;
    }

    /** The class has finished coming: later callbacks see it as loaded. */
    void loaded() {
        loading = false;
    }

    /**
     * Runs a callback, if the patch class has it.
     *
     * @throws CallbackFailure if it returned {@code false} or threw
     */
    void run(Callback.Kind kind) throws CallbackFailure {
        Callback cb = patchClass == null ? null : patchClass.callback(kind);
        if (cb == null) {
            return;
        }
        Object result;
        try {
            Method m = patchType.getDeclaredMethod(cb.method(), cb.takesTarget() ? new Class<?>[] {PatchTarget.class}
                    : new Class<?>[0]);
            m.setAccessible(true);
            result = cb.takesTarget() ? m.invoke(null, this) : m.invoke(null);
        } catch (InvocationTargetException e) {
            throw new CallbackFailure(kind.label + " callback " + patchClass.binaryName() + "." + cb.method()
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CallbackFailure("cannot run " + kind.label + " callback " + patchClass.binaryName() + "."
                    + cb.method() + ": " + e, e);
        }
        if (Boolean.FALSE.equals(result)) {
            throw new CallbackFailure(kind.label + " callback " + patchClass.binaryName() + "." + cb.method()
                    + " returned false", null);
        }
    }

    @Override
    public String patchId() {
        return patch.id();
    }

    @Override
    public Class<?> targetClass() {
        return target;
    }

    @Override
    public String targetName() {
        return targetName;
    }

    @Override
    public ClassLoader targetLoader() {
        return loader;
    }

    @Override
    public boolean loading() {
        return loading;
    }

    @Override
    public State state(long id) {
        return patch.state(id);
    }

    @Override
    public State previousState(long id) {
        return registry.previousState(patch, id);
    }

    @Override
    public String toString() {
        return "patch '" + patch.id() + "' on " + targetName;
    }

    /** A callback that refused or threw. */
    static final class CallbackFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CallbackFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
