package dev.jlivepatch.testapp;

import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.ThreadPatchStates;
import java.util.List;

/**
 * Methods that ask a transition for their entry as a woven stub does, outside
 * the agent's packages (a thread's walk of its own stack skips the agent's
 * frames). {@code caller} calls {@code callee}; {@code recurse} calls itself.
 */
public final class Handler {
    public static final List<String> METHODS = List.of("caller(Z)I", "callee()I", "recurse(IZLjava/lang/Runnable;)I");
    public static final FuncSite CALLER = new FuncSite(Handler.class.getName() + ".caller(Z)I");
    public static final FuncSite CALLEE = new FuncSite(Handler.class.getName() + ".callee()I");
    public static final FuncSite RECURSE = new FuncSite(Handler.class.getName() + ".recurse(IZLjava/lang/Runnable;)I");
    /** The transition the methods ask. */
    public static volatile ThreadPatchStates states;

    private Handler() {
    }

    /**
     * The caller: 1 for the patched state, 0 for the unpatched one, 2 added by its callee when that ran patched.
     *
     * @param entered {@code false} to act as a caller entered before the transition began (it asks nothing)
     */
    public static int caller(boolean entered) {
        int mine = entered && states.patched(CALLER) ? 1 : 0;
        return mine | callee() << 1;
    }

    public static int callee() {
        return states.patched(CALLEE) ? 1 : 0;
    }

    /**
     * Recursion {@code n} deep, running {@code atBottom} in the innermost call: the bits of every call's
     * state, 1 for patched, so 0 when the chain ran old code throughout.
     */
    public static int recurse(int n, boolean entered, Runnable atBottom) {
        int mine = entered && states.patched(RECURSE) ? 1 : 0;
        if (n == 0) {
            atBottom.run();
            return mine;
        }
        return mine | recurse(n - 1, true, atBottom);
    }
}
