package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.transition.Transition;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

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
    /** The running transition's plan and thread states, for {@code @Original} sites made during it: stacks lock. */
    private TransitionPlan activePlan;
    private Transition activeTransition;
    /** Whether the stubs run bridges that count calls ({@link #counting(boolean)}): stacks lock. */
    private boolean counting;
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
     * Puts the bindings of a transition on their func stacks and publishes
     * the snapshots that let each thread run its own side: first the methods
     * whose top differs between the sides join the transition's affected
     * methods, then every snapshot goes out, then one sync for them all.
     * Caller holds the stacks lock.
     */
    void begin(TransitionPlan plan, Transition t, List<Binding> bindings) {
        activePlan = plan;
        activeTransition = t;
        Map<TargetClass, Set<String>> keys = new LinkedHashMap<>();
        for (Binding b : bindings) {
            TargetClass st = of(b.target());
            if (!st.bindings().contains(b)) {
                st.add(b, registry::order);
            }
            keys.computeIfAbsent(st, k -> new LinkedHashSet<>()).addAll(b.keys());
        }
        Map<Class<?>, List<String>> affected = new LinkedHashMap<>();
        for (Map.Entry<TargetClass, Set<String>> e : keys.entrySet()) {
            List<String> methods = new ArrayList<>();
            for (String key : e.getValue()) {
                if (!Objects.equals(e.getKey().top(key, plan::onUnpatchedSideOnly, false),
                        e.getKey().top(key, plan::onPatchedSideOnly, false))) {
                    methods.add(key);
                }
            }
            affected.put(e.getKey().type, methods);
        }
        t.affect(affected); // in one go: the set of affected methods is copied once, not once per class
        publish(keys, plan, t);
    }

    /**
     * Takes the side that lost off the func stacks at a transition's end and
     * publishes steady snapshots. Caller holds the stacks lock.
     *
     * @param patchedSide whether the threads ended on the patched side
     * @return the classes whose stubs no func stack needs any more
     */
    Class<?>[] end(TransitionPlan plan, boolean patchedSide) {
        activePlan = null;
        activeTransition = null;
        Map<TargetClass, Set<String>> keys = new LinkedHashMap<>();
        for (Binding b : plan.all()) {
            keys.computeIfAbsent(of(b.target()), k -> new LinkedHashSet<>()).addAll(b.keys());
        }
        for (Binding b : plan.leaving(patchedSide)) {
            of(b.target()).remove(b);
        }
        publish(keys, null, null);
        Set<Class<?>> shrink = new LinkedHashSet<>();
        for (Map.Entry<TargetClass, Set<String>> e : keys.entrySet()) {
            if (!e.getKey().patchedKeys().containsAll(e.getValue())) {
                shrink.add(e.getKey().type);
            }
        }
        return shrink.toArray(new Class<?>[0]);
    }

    /** Puts bindings on their func stacks outside any transition, steady. Caller holds the stacks lock. */
    void commit(List<Binding> add) {
        Map<TargetClass, Set<String>> keys = new LinkedHashMap<>();
        for (Binding b : add) {
            TargetClass st = of(b.target());
            st.add(b, registry::order);
            keys.computeIfAbsent(st, k -> new LinkedHashSet<>()).addAll(b.keys());
        }
        publish(keys, null, null);
    }

    private void publish(Map<TargetClass, Set<String>> keys, TransitionPlan plan, Transition t) {
        List<FuncSite> changed = new ArrayList<>();
        List<MutableCallSite> originals = new ArrayList<>();
        for (Map.Entry<TargetClass, Set<String>> e : keys.entrySet()) {
            TargetClass st = e.getKey();
            for (String key : e.getValue()) {
                FuncSite site = st.site(key);
                site.publish(snapshot(st, key, plan, t));
                changed.add(site);
                for (Binding b : st.bindings()) {
                    OriginalSite o = b.originalSites().get(key);
                    if (o != null) {
                        publish(o, st, b, key, plan, t);
                        originals.add(o.callSite());
                    }
                }
            }
            unloads.track(st);
        }
        FuncSite.sync(changed.toArray(new FuncSite[0]));
        MutableCallSite.syncAll(originals.toArray(new MutableCallSite[0]));
    }

    /**
     * Switches the stubs of every patched method to bridges that count their
     * calls before running the replacement, or back to the plain ones (which
     * cost nothing), and republishes every snapshot as it stands: steady, or,
     * during a transition, with the transition's two sides. Caller holds the
     * stacks lock.
     */
    void counting(boolean on) {
        if (counting == on) {
            return;
        }
        counting = on;
        Map<TargetClass, Set<String>> keys = new LinkedHashMap<>();
        for (Class<?> c : unloads.classes()) {
            TargetClass st = of(c);
            for (Binding b : st.bindings()) {
                keys.computeIfAbsent(st, k -> new LinkedHashSet<>()).addAll(b.keys());
            }
        }
        publish(keys, activePlan, activeTransition);
    }

    /** Points a binding's {@code @Original} site at what lies below the binding on each side. */
    private void publish(OriginalSite o, TargetClass st, Binding b, String key, TransitionPlan plan,
                                Transition t) {
        if (plan == null) {
            o.publish(below(st, b, key, x -> false), below(st, b, key, x -> false), null);
        } else {
            o.publish(below(st, b, key, plan::onUnpatchedSideOnly), below(st, b, key, plan::onPatchedSideOnly), t);
        }
    }

    /** The entry under a binding on a method's func stack, without the skipped bindings: a replacement or the original. */
    private MethodHandle below(TargetClass st, Binding b, String key, Predicate<Binding> skip) {
        List<Binding> list = st.bindings();
        for (int i = list.indexOf(b) - 1; i >= 0; i--) {
            Binding c = list.get(i);
            if (!skip.test(c) && c.keys().contains(key)) {
                MethodHandle entry = c.entry(key, counting);
                return entry != null ? entry : st.original(key);
            }
        }
        return st.original(key);
    }

    /**
     * The {@code @Original} call site of a binding for a method, made at its
     * first call and published at once. Caller holds the stacks lock.
     */
    OriginalSite originalSite(Binding b, String key, MethodType type) {
        OriginalSite o = b.originalSites().get(key);
        if (o == null) {
            o = new OriginalSite(type);
            TargetClass st = of(b.target());
            publish(o, st, b, key, activePlan, activeTransition);
            MutableCallSite.syncAll(new MutableCallSite[] {o.callSite()});
            b.originalSites().put(key, o);
        }
        return o;
    }

    /**
     * A method's snapshot: steady, or, while a transition changes its top,
     * the top of each side.
     */
    private Snapshot snapshot(TargetClass st, String key, TransitionPlan plan, Transition t) {
        if (plan == null) {
            return Snapshot.steady(st.top(key, b -> false, counting));
        }
        Object patched = st.top(key, plan::onUnpatchedSideOnly, counting);
        Object unpatched = st.top(key, plan::onPatchedSideOnly, counting);
        return Objects.equals(patched, unpatched) ? Snapshot.steady(patched)
                : Snapshot.inTransition(patched, unpatched, t);
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
            for (String key : b.keys()) {
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

    /** What a class being retransformed becomes: its stubs (and init hook), or null for its original bytes. */
    byte[] reweave(Class<?> c, byte[] classFile) {
        if (!registry.known(c.getName())) {
            return null;
        }
        TargetClass st = of(c);
        if (st.originalBytes == null) {
            st.originalBytes = classFile; // what @Original copies are made from
        }
        List<String> keys;
        synchronized (lock) {
            keys = st.patchedKeys();
        }
        if (keys.isEmpty() && !st.initHooked) {
            return null;
        }
        return StubWeaver.weave(classFile, keys, StubWeaver.mode(c.getClassLoader(), c.getName(), classFile), st.sites::number,
                st.initHooked);
    }

    /** The func site of a woven method, for its stub's linkage. */
    FuncSite site(Class<?> owner, String key) {
        return of(owner).site(key);
    }

    /** A class's binding of a patch (not a NOP), or null. */
    Binding binding(Class<?> c, LoadedPatch p) {
        synchronized (lock) {
            return of(c).binding(p);
        }
    }

    /** Every binding of a patch, NOPs included, on the classes still loaded. Caller holds the stacks lock. */
    List<Binding> bindings(LoadedPatch p) {
        List<Binding> out = new ArrayList<>();
        for (Class<?> c : unloads.classes()) {
            for (Binding b : of(c).bindings()) {
                if (b.patch() == p) {
                    out.add(b);
                }
            }
        }
        return out;
    }
}
