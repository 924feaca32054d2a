package dev.jlivepatch.agent.internal.jfr;

import java.util.List;

/**
 * Makes and commits the events. Only {@link Recorder} calls it, and only once
 * it has found {@code jdk.jfr}: this class names the event types, so the JVM
 * links it against {@code jdk.jfr} when it is first used.
 */
final class Events {

    private Events() {
    }

    static void patchLoaded(String id, String description, String jar, String sha256, boolean replace, int order,
                            String replaces) {
        PatchLoaded e = new PatchLoaded();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.description = description;
            e.jar = jar;
            e.sha256 = sha256;
            e.replace = replace;
            e.stackOrder = order;
            e.replaces = replaces;
            e.commit();
        }
    }

    static void patchEnabled(String id, boolean forced) {
        PatchEnabled e = new PatchEnabled();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.forced = forced;
            e.commit();
        }
    }

    static void patchDisabled(String id, String reason) {
        PatchDisabled e = new PatchDisabled();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.reason = reason;
            e.commit();
        }
    }

    static void patchRemoved(String id, String reason) {
        PatchRemoved e = new PatchRemoved();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.reason = reason;
            e.commit();
        }
    }

    static void transitionStarted(String id, String kind, boolean reversal, String replaces) {
        TransitionStarted e = new TransitionStarted();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.kind = kind;
            e.reversal = reversal;
            e.replaces = replaces;
            e.commit();
        }
    }

    /** The completion event of a transition that starts now: begun here, committed by {@link #transitionCompleted}. */
    static Object begin() {
        TransitionCompleted e = new TransitionCompleted();
        e.begin();
        return e;
    }

    static void transitionCompleted(Object begun, String id, String kind, boolean reversed, boolean forced,
                                    int rounds, List<String> blockers) {
        TransitionCompleted e = (TransitionCompleted) begun;
        e.end();
        if (e.shouldCommit()) {
            e.patchId = id;
            e.kind = kind;
            e.reversed = reversed;
            e.forced = forced;
            e.rounds = rounds;
            e.blockingThreads = blockers.size();
            e.blockers = String.join("\n", blockers);
            e.commit();
        }
    }
}
