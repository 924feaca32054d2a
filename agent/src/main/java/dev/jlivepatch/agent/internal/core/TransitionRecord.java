package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.transition.Transition;

/**
 * A completed transition, as {@code status} shows the last one.
 *
 * @param patch the patch id
 * @param kind {@code patching} or {@code unpatching}: the way it completed
 * @param nanos from its (last) "starting ... transition" log line to its "... complete" line
 * @param rounds the manager's rounds, the first (in the command itself) included
 * @param selfSwitched threads that switched themselves, on entry to an affected method, by their own walk
 * @param managerSwitched threads the manager's rounds switched
 * @param reversed whether it was reversed on the way
 * @param forced whether it was forced
 */
public record TransitionRecord(String patch, String kind, long nanos, int rounds, long selfSwitched,
                               long managerSwitched, boolean reversed, boolean forced) {

    /** The record of transition {@code t} of patch {@code p}, completing now in state {@code to}. */
    static TransitionRecord of(LoadedPatch p, TransitionState to, long startedNanos, Transition t, boolean reversed) {
        return new TransitionRecord(p.id(), to.label(), System.nanoTime() - startedNanos, t.tally().rounds(),
                t.tally().selfSwitched(), t.tally().managerSwitched(), reversed, p.forced());
    }

    /** The duration as the log and {@code status} show it: {@code 12 ms}, {@code 0.4 ms}, {@code 3.2 s}. */
    public String took() {
        double ms = nanos / 1e6;
        if (ms >= 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000);
        }
        if (ms >= 10) {
            return Math.round(ms) + " ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1f ms", ms);
    }
}
