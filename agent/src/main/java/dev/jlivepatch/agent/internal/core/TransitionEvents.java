package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.jfr.Recorder;
import dev.jlivepatch.agent.internal.transition.Blocker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What JDK Flight Recorder is told about one transition: its start (and each
 * reversal), the threads that blocked it at any round with the frame they
 * were first seen in, and its completion with the patch events that follow
 * from it. Used by the transition manager, under the core lock.
 */
final class TransitionEvents {
    private final TransitionPlan plan;
    private final Object begun;
    private final Map<Long, String> blockers = new LinkedHashMap<>();

    /** The transition's snapshots are out: it starts now. */
    TransitionEvents(TransitionPlan plan) {
        this.plan = plan;
        this.begun = Recorder.transitionStarted(plan.patch.id(), plan.patching, false, ids(plan.replaced));
    }

    /** The transition was turned round; its goal is now the patched state or not. */
    void reversed(boolean patching) {
        Recorder.transitionStarted(plan.patch.id(), patching, true, ids(plan.replaced));
    }

    /** One round of the manager found these threads blocking. */
    void round(List<Blocker> found) {
        for (Blocker b : found) {
            blockers.putIfAbsent(b.id(), b.toString());
        }
    }

    /**
     * The transition completed with every thread on one side: records it, then
     * the patch enabled (and those it replaced disabled and removed) or disabled.
     *
     * @param patched whether the threads ended in the patched state
     * @param done what {@code status} shows of it: its rounds, whether it was reversed or forced
     */
    void completed(boolean patched, TransitionRecord done) {
        LoadedPatch p = plan.patch;
        boolean reversed = done.reversed();
        Recorder.transitionCompleted(begun, p.id(), patched, reversed, done.forced(), done.rounds(),
                new ArrayList<>(blockers.values()));
        if (patched) {
            Recorder.patchEnabled(p.id(), p.forced());
            for (LoadedPatch q : plan.replaced) {
                String why = q.id().equals(p.id()) ? "replaced by its new version" : "replaced by '" + p.id() + "'";
                Recorder.patchDisabled(q.id(), why);
                Recorder.patchRemoved(q.id(), why);
            }
        } else {
            Recorder.patchDisabled(p.id(), reversed ? "reversed" : "disabled");
            if (plan.replaced.stream().anyMatch(q -> q.id().equals(p.id()))) {
                Recorder.patchRemoved(p.id(), "a new version that did not take over: the loaded one stays");
            }
        }
    }

    static List<String> ids(List<LoadedPatch> patches) {
        List<String> out = new ArrayList<>();
        patches.forEach(q -> out.add(q.id()));
        return out;
    }
}
