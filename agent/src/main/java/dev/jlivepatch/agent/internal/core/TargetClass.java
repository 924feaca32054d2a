package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.runtime.FuncSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * What jlivepatch holds for one loaded target class, kept in a
 * {@link ClassValue} so that it lives and dies with the class: the func sites
 * of its stubbed methods and the bindings of the patches applied to it, in
 * stack order. A method's func stack is the bindings that replace it.
 * Everything but {@link #sites} (which stubs reach as they link) is guarded
 * by the stacks lock ({@link FuncStacks#lock()}).
 */
final class TargetClass {
    final Class<?> type;
    final Sites sites;
    private List<Binding> bindings = List.of();
    /** Methods an enable in progress is about to stub, before its bindings join. */
    private final Set<String> staged = new LinkedHashSet<>();
    /** Woven at load time with a class-init hook, which every later weave must keep (set before any use). */
    boolean initHooked;
    /** What the class's load prepared for its initialisation, until it initialises; or null. */
    ComingClass coming;
    /** Set once what the class's load prepared has been taken over ({@link FuncStacks#of}); stacks lock to write. */
    volatile boolean adopted;
    /** The class file the class was defined from, as the first weave saw it; for {@code @Original} copies. */
    volatile byte[] originalBytes;
    /** The copies of original bodies, by method: {@code @Original} runs them. */
    private final java.util.Map<String, java.lang.invoke.MethodHandle> originals =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Tracks the class for unloading, once it has had bindings. */
    UnloadWatcher.Ref ref;

    TargetClass(Class<?> type) {
        this.type = type;
        this.sites = new Sites(type.getName());
    }

    FuncSite site(String key) {
        return sites.site(key);
    }

    java.lang.invoke.MethodHandle original(String key) {
        return originals.get(key);
    }

    void original(String key, java.lang.invoke.MethodHandle copy) {
        originals.putIfAbsent(key, copy);
    }

    List<Binding> bindings() {
        return bindings;
    }

    void add(Binding b, ToIntFunction<LoadedPatch> order) {
        List<Binding> next = new ArrayList<>(bindings);
        next.add(b);
        next.sort(Comparator.comparingInt(x -> order.applyAsInt(x.patch())));
        bindings = List.copyOf(next);
        staged.removeAll(b.keys());
    }

    void remove(Binding b) {
        List<Binding> next = new ArrayList<>(bindings);
        next.remove(b);
        bindings = List.copyOf(next);
    }

    void stage(String key) {
        staged.add(key);
    }

    void unstage() {
        staged.clear();
    }

    /**
     * The top of a method's func stack: the newest binding that has it, other
     * than the skipped ones; its bridge (one that counts the calls, with
     * {@code counting}), or null for the original body (an empty stack, or a NOP).
     */
    Object top(String key, Predicate<Binding> skip, boolean counting) {
        for (int i = bindings.size() - 1; i >= 0; i--) {
            Binding b = bindings.get(i);
            if (!skip.test(b) && b.bridges().containsKey(key)) {
                return b.bridge(key, counting);
            }
        }
        return null;
    }

    /** Methods that need a stub: those some binding replaces, and those being staged. */
    List<String> patchedKeys() {
        Set<String> keys = new LinkedHashSet<>(staged);
        for (Binding b : bindings) {
            keys.addAll(b.keys());
        }
        return List.copyOf(keys);
    }

    /** The patch's binding of this class, not a NOP; or null. */
    Binding binding(LoadedPatch p) {
        for (Binding b : bindings) {
            if (b.patch() == p && !b.nop()) {
                return b;
            }
        }
        return null;
    }
}
