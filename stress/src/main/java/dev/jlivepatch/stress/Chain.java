package dev.jlivepatch.stress;

import dev.jlivepatch.runtime.ThreadPatchStates;

/**
 * A call chain of two affected methods for the jcstress tests: {@link #outer}
 * calls {@link #inner}, and each asks the transition, as a woven stub does on
 * entry, which state it runs. It lives outside the agent's packages because a
 * thread's walk of its own stack ({@code OwnStack}) skips the agent's frames.
 */
public final class Chain {
    /** The methods, as the transition's {@code affect} takes them. */
    public static final java.util.List<String> METHODS = java.util.List.of(
            "outer(Ldev/jlivepatch/runtime/ThreadPatchStates;[I)V", "inner(Ldev/jlivepatch/runtime/ThreadPatchStates;[I)V");

    private Chain() {
    }

    /**
     * The outer method: records its pick in {@code picks[0]}, then calls the inner one.
     *
     * @param t the transition
     * @param picks where each method records 1 for the patched state, 0 for the unpatched one
     */
    public static void outer(ThreadPatchStates t, int[] picks) {
        picks[0] = t.patched(null) ? 1 : 0;
        inner(t, picks);
    }

    /**
     * The inner method: records its pick in {@code picks[1]}.
     *
     * @param t the transition
     * @param picks as for {@link #outer}
     */
    public static void inner(ThreadPatchStates t, int[] picks) {
        picks[1] = t.patched(null) ? 1 : 0;
    }
}
