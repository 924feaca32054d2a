package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.Linker;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's side of the stubs ({@link Linker}): a woven method's func site,
 * and the class-init hook of a target that loaded after its patches, which
 * commits the bindings its definition prepared before any of its code runs.
 *
 * <p>The hook takes only the stacks lock, never the core lock: an enable
 * holding the core lock may be waiting for this very class's initialisation
 * (its patch code touched the class), and would wait forever.
 */
final class StubLinker implements Linker {
    private final FuncStacks stacks;
    private final Registry registry;
    private final TransitionManager transitions;

    StubLinker(FuncStacks stacks, Registry registry, TransitionManager transitions) {
        this.stacks = stacks;
        this.registry = registry;
        this.transitions = transitions;
    }

    @Override
    public FuncSite site(Class<?> owner, String method) {
        return stacks.site(owner, method);
    }

    @Override
    public CallSite original(Class<?> caller, String accessor, MethodType type) {
        Binding b = caller.getClassLoader() instanceof PatchClassLoader l ? l.binding() : null;
        String key = b == null ? null : b.originalKey(accessor);
        if (key == null) {
            throw new IllegalStateException(caller.getName() + " calls @Original accessor " + accessor
                    + " of no patch of this JVM");
        }
        synchronized (stacks.lock()) {
            return stacks.originalSite(b, key, type).callSite();
        }
    }

    @Override
    public void classInit(Class<?> owner) {
        TargetClass st = stacks.of(owner);
        List<Binding> steady = new ArrayList<>();
        List<Binding> gone = new ArrayList<>();
        List<Binding> all;
        synchronized (stacks.lock()) {
            ComingClass coming = st.coming;
            if (coming == null) {
                return;
            }
            st.coming = null;
            all = coming.bindings;
            List<Binding> add = new ArrayList<>();
            List<Binding> moving = new ArrayList<>();
            for (Binding b : all) {
                LoadedPatch p = b.patch();
                try {
                    b.defined(owner);
                    Originals.prepare(st, b);
                } catch (PatchException e) {
                    // Checked as the class was defined; this is the JVM failing on what it allowed then.
                    Log.error("patch '" + p.id() + "' failed for class '" + owner.getName() + "' as it initialised,"
                            + " which runs its original code: " + e.getMessage());
                    gone.add(b);
                    continue;
                }
                p.accepted(owner.getName(), owner.getClassLoader());
                if (transitions.involves(p)) {
                    moving.add(b);
                } else if (p == registry.enabling()) {
                    transitions.comer(b);
                } else if (p.enabled() && !p.replaced() && registry.order(p) > 0) {
                    steady.add(b);
                    add.add(b);
                } else {
                    gone.add(b);
                }
            }
            stacks.commit(add);
            if (!moving.isEmpty()) {
                transitions.join(owner, moving);
            }
        }
        // A patch disabled since the class was defined: undo its pre-patch callback.
        Callbacks.runAll(gone, Callback.Kind.POST_UNPATCH);
        Callbacks.runAll(steady, Callback.Kind.POST_PATCH);
        for (Binding b : all) {
            b.loaded();
        }
    }
}
