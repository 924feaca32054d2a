package dev.jlivepatch.agent.internal.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.WeakHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one transition does to the func stacks: the two sides a thread can be
 * on, told apart by the bindings that only one side has. The patched side
 * has the moving patch's bindings ({@link #withPatch}: its own, and for an
 * atomic replace its NOPs); the unpatched side has instead the bindings the
 * transition takes away ({@link #withoutPatch}: those of the patches a
 * replace or an upgrade replaces). Enabling a patch moves threads from the
 * unpatched side to the patched one; disabling it, back. Each method runs,
 * on each side, the top of its func stack without the other side's bindings;
 * a method whose top is the same on both sides is not affected at all.
 *
 * <p>Bindings are held weakly (a binding has no {@code equals}, so the sets
 * are identity sets): each is held by its target class's func stacks while
 * the class lives, and a class whose loader the application drops while the
 * transition is stalled is collected with its bindings, as the kernel lets a
 * module go during a transition. Read and changed under the stacks lock, or
 * before the plan starts or after it ended, when no class can join it.
 */
final class TransitionPlan {
    final LoadedPatch patch;
    final boolean patching;
    /** The patches this transition replaces: an atomic replace's enabled patches, an upgrade's old version. */
    final List<LoadedPatch> replaced;
    private final Set<Binding> withPatch = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<Binding> withoutPatch = Collections.newSetFromMap(new WeakHashMap<>());

    TransitionPlan(LoadedPatch patch, boolean patching, List<LoadedPatch> replaced) {
        this.patch = patch;
        this.patching = patching;
        this.replaced = List.copyOf(replaced);
    }

    /** A binding of the patched side only. */
    void withPatch(Binding b) {
        withPatch.add(b);
    }

    /** A binding of the unpatched side only. */
    void withoutPatch(Binding b) {
        withoutPatch.add(b);
    }

    boolean onPatchedSideOnly(Binding b) {
        return withPatch.contains(b);
    }

    boolean onUnpatchedSideOnly(Binding b) {
        return withoutPatch.contains(b);
    }

    /** Every binding the transition touches. */
    List<Binding> all() {
        Set<Binding> out = new LinkedHashSet<>(withPatch);
        out.addAll(withoutPatch);
        return new ArrayList<>(out);
    }

    /** The bindings that leave the func stacks when the transition ends with the threads on this side. */
    List<Binding> leaving(boolean patchedSide) {
        List<Binding> out = new ArrayList<>(patchedSide ? withoutPatch : withPatch);
        if (patchedSide) {
            for (Binding b : withPatch) {
                if (b.nop()) {
                    out.add(b); // the kernel discards NOPs once the replace is complete
                }
            }
        }
        return out;
    }

    /** The moving patch's own bindings, not its NOPs: those its callbacks run for, in its jar's order. */
    List<Binding> patchBindings() {
        List<Binding> out = new ArrayList<>();
        for (Binding b : withPatch) {
            if (b.patch() == patch && !b.nop()) {
                out.add(b);
            }
        }
        // Positions by identity, looked up once each: a sort comparing indexOf (records' deep equals) would be
        // quadratic in the patch classes times their methods.
        java.util.Map<Object, Integer> order = new java.util.IdentityHashMap<>();
        for (Object pc : patch.jar().patchClasses()) {
            order.putIfAbsent(pc, order.size());
        }
        out.sort(java.util.Comparator.comparingInt(b -> order.getOrDefault(b.patchClass(), Integer.MAX_VALUE)));
        return out;
    }

    /** Whether a patch takes part: the moving one, or one it replaces. */
    boolean involves(LoadedPatch p) {
        return p == patch || replaced.contains(p);
    }

    /**
     * Puts one class's bindings on their sides of this transition, with a NOP where a replace needs one.
     *
     * @return the bindings the transition takes
     */
    List<Binding> sides(Class<?> c, List<Binding> bindings, Registry registry) {
        List<Binding> taken = new ArrayList<>();
        java.util.Set<String> old = new java.util.LinkedHashSet<>();
        java.util.Set<String> mine = new java.util.HashSet<>();
        for (Binding b : bindings) {
            if (b.patch() == patch) {
                withPatch(b);
                mine.addAll(b.keys());
                taken.add(b);
            } else if (replaced.contains(b.patch())) {
                withoutPatch(b);
                old.addAll(b.keys());
                taken.add(b);
            }
        }
        old.removeAll(mine);
        if (patch.jar().replace() && !old.isEmpty()) {
            Binding nop = Binding.nop(patch, c, List.copyOf(old), registry);
            withPatch(nop);
            taken.add(nop);
        }
        return taken;
    }
}
