package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchException;
import java.util.ArrayList;
import java.util.List;

/** Running the four callbacks of a patch's bindings, in the kernel's order and with its messages. */
final class Callbacks {

    private Callbacks() {
    }

    /**
     * Runs the pre-patch callbacks of an enable in order; when one fails, runs
     * the post-unpatch callbacks of those that ran and refuses the patch.
     */
    static void prePatch(LoadedPatch p, List<Binding> bindings) throws PatchException {
        List<Binding> done = new ArrayList<>();
        for (Binding b : bindings) {
            try {
                b.run(Callback.Kind.PRE_PATCH);
                done.add(b);
            } catch (Binding.CallbackFailure f) {
                // The kernel's order: the failure, the refusal, then the cancelled transition.
                PatchException refused = new PatchException("patch '" + p.id() + "': " + f.getMessage()
                        + " for target '" + b.targetName() + "'", f.getCause());
                Log.error("pre-patch callback failed for target '" + b.targetName() + "'");
                Log.error(f.getMessage());
                Log.error("failed to enable patch '" + p.id() + "': " + refused.getMessage());
                Log.info("'" + p.id() + "': canceling patching transition, going to unpatch");
                Log.info("'" + p.id() + "': completing unpatching transition");
                runAll(done, Callback.Kind.POST_UNPATCH);
                Log.info("'" + p.id() + "': unpatching complete");
                throw refused.logged();
            }
        }
    }

    /** Runs a callback of each binding; a failure is logged and the others still run. */
    static void runAll(List<Binding> bindings, Callback.Kind kind) {
        for (Binding b : bindings) {
            run(b, kind);
        }
    }

    /** Runs a callback whose failure cannot refuse anything any more: it is logged. */
    static void run(Binding b, Callback.Kind kind) {
        try {
            b.run(kind);
        } catch (Binding.CallbackFailure f) {
            Log.warn(kind.label + " callback failed for target '" + b.targetName() + "': " + f.getMessage());
        }
    }
}
