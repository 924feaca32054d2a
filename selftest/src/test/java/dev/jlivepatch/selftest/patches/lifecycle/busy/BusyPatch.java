package dev.jlivepatch.selftest.patches.lifecycle.busy;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.lifecycle.common.Cb;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel's test_klp_callbacks_demo, for the busy target: the four
 * callbacks, and replacements of its work function (so that a thread inside
 * it blocks the transition) and of {@code work()} (what the callbacks show).
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Busy")
public final class BusyPatch {
    private BusyPatch() {
    }

    @Replace
    static String work() {
        return "patched";
    }

    @Replace
    static void workFunc(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
        System.out.println("OUT Busy: patched work_func");
    }

    @PrePatch
    static boolean prePatch(PatchTarget t) {
        return Cb.prePatch(t);
    }

    @PostPatch
    static void postPatch(PatchTarget t) {
        Cb.print(t, "post_patch_callback");
    }

    @PreUnpatch
    static void preUnpatch(PatchTarget t) {
        Cb.print(t, "pre_unpatch_callback");
    }

    @PostUnpatch
    static void postUnpatch(PatchTarget t) {
        Cb.print(t, "post_unpatch_callback");
    }
}
