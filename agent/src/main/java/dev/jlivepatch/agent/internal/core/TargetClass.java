package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.runtime.FuncSite;
import java.util.ArrayList;
import java.util.List;

/**
 * What jlivepatch holds for one loaded target class, kept in a
 * {@link ClassValue} so that it lives and dies with the class: the func sites
 * of its stubbed methods and the bindings of the patches applied to it, in
 * stack order. A method's func stack is the bindings that replace it.
 */
final class TargetClass {
    final Class<?> type;
    final Sites sites;
    final List<Binding> bindings = new ArrayList<>();
    /** Methods an enable in progress is about to stub, before its bindings join. */
    final java.util.Set<String> staged = new java.util.LinkedHashSet<>();
    /** Tracks the class for unloading, once it has bindings. */
    Going.Ref ref;
    /** Woven at load time with a class-init hook, which every later weave must keep. */
    boolean initHooked;
    /** Patches to apply when the class initialises (it loaded after them), or null. */
    Coming.Pending pending;

    TargetClass(Class<?> type) {
        this.type = type;
        this.sites = new Sites(type.getName());
    }

    FuncSite site(String key) {
        return sites.site(key);
    }

    int number(String key) {
        return sites.number(key);
    }

    /** The top of a method's func stack: the newest binding's bridge, or null for the original. */
    Object top(String key) {
        for (int i = bindings.size() - 1; i >= 0; i--) {
            Object bridge = bindings.get(i).bridges().get(key);
            if (bridge != null) {
                return bridge;
            }
        }
        return null;
    }

    /** The entry below binding {@code b} in a method's func stack: what runs there without b's patch. */
    Object topBelow(String key, Binding b) {
        for (int i = bindings.indexOf(b) - 1; i >= 0; i--) {
            Object bridge = bindings.get(i).bridges().get(key);
            if (bridge != null) {
                return bridge;
            }
        }
        return null;
    }

    /** Methods that need a stub: those some binding replaces, and those being staged. */
    List<String> patchedKeys() {
        List<String> keys = new ArrayList<>(staged);
        for (Binding b : bindings) {
            for (String k : b.bridges().keySet()) {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    Binding binding(Patch p) {
        for (Binding b : bindings) {
            if (b.patch() == p) {
                return b;
            }
        }
        return null;
    }
}
