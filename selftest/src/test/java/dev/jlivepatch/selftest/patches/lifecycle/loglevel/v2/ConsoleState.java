package dev.jlivepatch.selftest.patches.lifecycle.loglevel.v2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.api.State;
import dev.jlivepatch.selftest.apps.lifecycle.Console;
import dev.jlivepatch.selftest.patches.lifecycle.common.Cb;

/**
 * The kernel's test_klp_state2 and test_klp_state3 (state 1 at version 2,
 * which supports migration): where the patch it replaces holds the state
 * ({@link PatchTarget#previousState}), it takes over its data in post-patch
 * instead of allocating and fixing, and the boxes' shadow counters with it
 * ({@link BoxCount}); otherwise it does as test_klp_state.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Console")
public final class ConsoleState {
    static final long CONSOLE_LOGLEVEL_STATE = 1;

    private ConsoleState() {
    }

    @PrePatch
    static boolean prePatch(PatchTarget t) {
        Cb.print(t, "pre_patch_callback");
        if (t.previousState(CONSOLE_LOGLEVEL_STATE) != null) {
            say(t, "allocate_loglevel_state: space to store console_loglevel already allocated");
            return true;
        }
        State state = t.state(CONSOLE_LOGLEVEL_STATE);
        if (state == null) {
            return false;
        }
        state.data(new int[1]);
        say(t, "allocate_loglevel_state: allocating space to store console_loglevel");
        return true;
    }

    @PostPatch
    static void postPatch(PatchTarget t) {
        Cb.print(t, "post_patch_callback");
        State state = t.state(CONSOLE_LOGLEVEL_STATE);
        State prev = t.previousState(CONSOLE_LOGLEVEL_STATE);
        if (prev != null) {
            say(t, "fix_console_loglevel: taking over the console_loglevel change");
            state.data(prev.data());
            return;
        }
        say(t, "fix_console_loglevel: fixing console_loglevel");
        ((int[]) state.data())[0] = Console.loglevel;
        Console.loglevel = Console.MOTORMOUTH;
    }

    @PreUnpatch
    static void preUnpatch(PatchTarget t) {
        Cb.print(t, "pre_unpatch_callback");
        if (t.previousState(CONSOLE_LOGLEVEL_STATE) != null) {
            say(t, "restore_console_loglevel: passing the console_loglevel change back to the old livepatch");
            return;
        }
        say(t, "restore_console_loglevel: restoring console_loglevel");
        Console.loglevel = ((int[]) t.state(CONSOLE_LOGLEVEL_STATE).data())[0];
    }

    @PostUnpatch
    static void postUnpatch(PatchTarget t) {
        Cb.print(t, "post_unpatch_callback");
        if (t.previousState(CONSOLE_LOGLEVEL_STATE) != null) {
            say(t, "free_loglevel_state: keeping space to store console_loglevel");
            return;
        }
        say(t, "free_loglevel_state: freeing space for the stored console_loglevel");
        t.state(CONSOLE_LOGLEVEL_STATE).data(null);
        Shadow.freeAll(BoxCount.SEEN);
    }

    private static void say(PatchTarget t, String what) {
        System.out.println("OUT " + t.patchId() + ": " + what);
    }
}
