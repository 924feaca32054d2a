package dev.jlivepatch.selftest.patches.lifecycle.loglevel.v1;

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
 * The kernel's test_klp_state (state 1 at version 1, which does not support
 * migration): space for the old console log level is allocated in pre-patch,
 * the level raised in post-patch, put back in pre-unpatch, and the space freed
 * in post-unpatch, with the boxes' shadow counters ({@link BoxCount}).
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Console")
public final class ConsoleState {
    static final long CONSOLE_LOGLEVEL_STATE = 1;

    private ConsoleState() {
    }

    @PrePatch
    static boolean prePatch(PatchTarget t) {
        Cb.print(t, "pre_patch_callback");
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
        say(t, "fix_console_loglevel: fixing console_loglevel");
        ((int[]) state.data())[0] = Console.loglevel;
        Console.loglevel = Console.MOTORMOUTH;
    }

    @PreUnpatch
    static void preUnpatch(PatchTarget t) {
        Cb.print(t, "pre_unpatch_callback");
        say(t, "restore_console_loglevel: restoring console_loglevel");
        Console.loglevel = ((int[]) t.state(CONSOLE_LOGLEVEL_STATE).data())[0];
    }

    @PostUnpatch
    static void postUnpatch(PatchTarget t) {
        Cb.print(t, "post_unpatch_callback");
        say(t, "free_loglevel_state: freeing space for the stored console_loglevel");
        t.state(CONSOLE_LOGLEVEL_STATE).data(null);
        Shadow.freeAll(BoxCount.SEEN);
    }

    private static void say(PatchTarget t, String what) {
        System.out.println("OUT " + t.patchId() + ": " + what);
    }
}
