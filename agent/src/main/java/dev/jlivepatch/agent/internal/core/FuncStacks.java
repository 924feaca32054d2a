package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.transition.Transition;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The func stacks (the kernel's {@code patch.c}): per target class, the
 * bindings that replace its methods, the snapshots the stubs read, and the
 * stubs woven into the class.
 *
 * <p>The stacks lock ({@link #lock()}) guards every {@link TargetClass}'s
 * bindings and staged methods, and the transition's membership (see
 * {@link TransitionManager}). It is held only for short, bounded work: it is
 * never held while patch code or callbacks run, while a class initialises, or
 * across a retransformation, so that a class initialising on another thread
 * can always take it. Lock order: the core lock, then this one.
 */
final class FuncStacks {
    private final Object lock = new Object();
    private final Registry registry;
    private final UnloadWatcher unloads = new UnloadWatcher();
    private volatile Consumer<TargetClass> adopter = st -> { };
    /**
     * Side-effect free: racing threads may each compute a value, and all but
     * one are thrown away; adoption happens in {@link #of} on the one kept.
     */
    private final ClassValue<TargetClass> targets = new ClassValue<>() {
        @Override
        protected TargetClass computeValue(Class<?> type) {
            return new TargetClass(type);
        }
    };

    FuncStacks(Registry registry) {
        this.registry = registry;
    }

    /** Sets what a target class takes over from its load when it is first seen (see {@link ClassLoadHook#adopt}). */
    void adoptWith(Consumer<TargetClass> adopter) {
        this.adopter = adopter;
    }

    Object lock() {
        return lock;
    }

    /**
     * What jlivepatch holds for a class; the first look at it adopts what its
     * load prepared, once, under the stacks lock.
     */
    TargetClass of(Class<?> c) {
        TargetClass st = targets.get(c);
        if (!st.adopted) {
            synchronized (lock) {
                if (!st.adopted) {
                    adopter.accept(st);
                    st.adopted = true;
                }
            }
        }
        return st;
    }

    /** Loaded classes that have had bindings and have not been unloaded. */
    List<Class<?>> tracked() {
        return unloads.classes();
    }

    /**
     * Switches bindings in or out of their func stacks and publishes the new
     * snapshots, every site first, then one sync for them all. {@code same}
     * are bindings whose stacks are unchanged but whose transition starts or
     * ends. Caller holds the stacks lock.
     *
     * @param t the running transition, or null
     * @param moving the patch in transition, or null
     */
    void commit(List<Binding> add, List<Binding> drop, List<Binding> same, Transition t, LoadedPatch moving) {
        List<FuncSite> changed = new ArrayList<>();
        for (Binding b : drop) {
            TargetClass st = of(b.target());
            st.remove(b);
            publish(st, b, changed, t, moving);
        }
        for (Binding b : add) {
            TargetClass st = of(b.target());
            st.add(b, registry::order);
            publish(st, b, changed, t, moving);
        }
        for (Binding b : same) {
            publish(of(b.target()), b, changed, t, moving);
        }
        FuncSite.sync(changed.toArray(new FuncSite[0]));
    }

    private void publish(TargetClass st, Binding b, List<FuncSite> changed, Transition t, LoadedPatch moving) {
        for (String key : b.bridges().keySet()) {
            FuncSite site = st.site(key);
            site.publish(snapshot(st, key, t, moving));
            changed.add(site);
        }
        unloads.track(st);
    }

    /**
     * A method's snapshot: steady, or, while the patch in transition replaces
     * it, the entries with and without that patch (it is always the top one).
     */
    private static Snapshot snapshot(TargetClass st, String key, Transition t, LoadedPatch moving) {
        Binding b = t == null ? null : st.binding(moving);
        if (b == null || !b.bridges().containsKey(key)) {
            return Snapshot.steady(st.top(key));
        }
        return Snapshot.inTransition(st.top(key), st.topBelow(key, b), t);
    }

    /**
     * Marks the methods of new bindings that have no stub yet, so that the
     * weave that follows adds them. Caller holds the stacks lock.
     *
     * @return the classes to retransform
     */
    Class<?>[] stage(List<Binding> bindings) {
        Set<Class<?>> grow = new LinkedHashSet<>();
        for (Binding b : bindings) {
            TargetClass st = of(b.target());
            List<String> stubbed = st.patchedKeys();
            for (String key : b.bridges().keySet()) {
                if (!stubbed.contains(key)) {
                    st.site(key);
                    st.stage(key);
                    grow.add(b.target());
                }
            }
        }
        return grow.toArray(new Class<?>[0]);
    }

    /** Forgets staged methods after a weave that failed. Caller holds the stacks lock. */
    void unstage(List<Binding> bindings) {
        for (Binding b : bindings) {
            of(b.target()).unstage();
        }
    }

    /** The classes whose stubs no func stack needs any more. Caller holds the stacks lock. */
    Class<?>[] shrinkable(List<Binding> dropped) {
        Set<Class<?>> shrink = new LinkedHashSet<>();
        for (Binding b : dropped) {
            List<String> still = of(b.target()).patchedKeys();
            for (String key : b.bridges().keySet()) {
                if (!still.contains(key)) {
                    shrink.add(b.target());
                }
            }
        }
        return shrink.toArray(new Class<?>[0]);
    }

    /** What a class being retransformed becomes: its stubs (and init hook), or null for its original bytes. */
    byte[] reweave(Class<?> c, byte[] classFile) {
        if (!registry.known(c.getName())) {
            return null;
        }
        TargetClass st = of(c);
        List<String> keys;
        synchronized (lock) {
            keys = st.patchedKeys();
        }
        if (keys.isEmpty() && !st.initHooked) {
            return null;
        }
        return StubWeaver.weave(classFile, keys, StubWeaver.mode(c.getClassLoader(), classFile), st.sites::number,
                st.initHooked);
    }

    /** The func site of a woven method, for its stub's linkage. */
    FuncSite site(Class<?> owner, String key) {
        return of(owner).site(key);
    }

    /** A class's binding of a patch, or null. */
    Binding binding(Class<?> c, LoadedPatch p) {
        synchronized (lock) {
            return of(c).binding(p);
        }
    }
}
