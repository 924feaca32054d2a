package dev.jlivepatch.selftest.patches.lifecycle.states;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.State;

/**
 * A patch that declares state 1 (its version comes from the jar's
 * {@code Livepatch-States}, so one class serves several patch jars) and takes
 * over the data of the previous patch that holds it, as the kernel's
 * test_klp_state modules do.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Target")
public final class StatesPatch {
    static final long STATE = 1;
    private static volatile String data;

    private StatesPatch() {
    }

    @Replace
    static String work() {
        return "state data " + data;
    }

    @PrePatch
    static void prePatch(PatchTarget t) {
        State mine = t.state(STATE);
        State prev = t.previousState(STATE);
        System.out.println("OUT " + t.patchId() + ": pre_patch_callback: state " + STATE + " version "
                + mine.version() + ", previous " + describe(prev));
        mine.data(prev == null ? t.patchId() : prev.data() + ">" + t.patchId());
        data = (String) mine.data();
    }

    @PostUnpatch
    static void postUnpatch(PatchTarget t) {
        System.out.println("OUT " + t.patchId() + ": post_unpatch_callback: state " + STATE + " data "
                + t.state(STATE).data() + ", back to " + describe(t.previousState(STATE)));
    }

    private static String describe(State s) {
        return s == null ? "none" : "version " + s.version() + " data " + s.data();
    }
}
