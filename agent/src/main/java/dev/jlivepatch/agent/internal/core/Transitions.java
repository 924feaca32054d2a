package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import java.util.List;

/**
 * Transitions (the kernel's {@code transition.c}): moving a patch's methods
 * from one state to the other, with the callbacks around it. This version
 * switches every thread at once; the per-thread consistency model replaces
 * {@link #switchAll} and keeps the rest.
 */
final class Transitions {

    void patch(Patch p, List<Binding> bindings, Livepatch core) {
        Log.info("'" + p.id() + "': starting patching transition");
        switchAll(core, bindings, List.of());
        p.enabled(true);
        core.published();
        Log.info("'" + p.id() + "': completing patching transition");
        for (Binding b : bindings) {
            Livepatch.runQuietly(b, Callback.Kind.POST_PATCH);
        }
        Log.info("'" + p.id() + "': patching complete");
    }

    void unpatch(Patch p, List<Binding> bindings, Livepatch core) {
        Log.info("'" + p.id() + "': initializing unpatching transition");
        for (Binding b : bindings) {
            Livepatch.runQuietly(b, Callback.Kind.PRE_UNPATCH);
        }
        Log.info("'" + p.id() + "': starting unpatching transition");
        switchAll(core, List.of(), bindings);
        p.enabled(false);
        core.published();
        Log.info("'" + p.id() + "': completing unpatching transition");
        core.strip(bindings);
        for (Binding b : bindings) {
            Livepatch.runQuietly(b, Callback.Kind.POST_UNPATCH);
        }
        Log.info("'" + p.id() + "': unpatching complete");
    }

    /** A class loading after its patches: no thread has run its code yet, so it switches at once. */
    void coming(TargetClass st, Coming.Pending pending, Livepatch core) {
        List<Binding> bindings = core.bindComing(st, pending);
        switchAll(core, bindings, List.of());
        for (Binding b : bindings) {
            Livepatch.runQuietly(b, Callback.Kind.POST_PATCH);
            b.loaded();
        }
    }

    private static void switchAll(Livepatch core, List<Binding> add, List<Binding> drop) {
        core.commit(add, drop);
    }
}
