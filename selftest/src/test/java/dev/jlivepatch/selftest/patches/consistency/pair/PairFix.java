package dev.jlivepatch.selftest.patches.consistency.pair;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.consistency.Gate;
import dev.jlivepatch.selftest.apps.consistency.Pair;
import dev.jlivepatch.selftest.apps.consistency.Work;

/**
 * The new version of the caller/callee pair: the same shape, with the
 * {@link Pair#NEW} bit. The replacements call the target's callee, so each
 * call goes through its stub and the thread's patch state picks its version.
 * The callbacks print when they run, as the kernel's callback demo does.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.consistency.Pair")
public final class PairFix {
    private PairFix() {
    }

    @Replace
    static int chain(int n, long[] calls) {
        int seen = Pair.NEW;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                Work.pause();
            }
            seen |= Pair.callee(calls);
        }
        return seen;
    }

    @Replace
    static int callee(long[] calls) {
        calls[0]++;
        return Pair.NEW;
    }

    @Replace
    static int hold(Gate gate, long[] calls) {
        int seen = Pair.NEW | Pair.callee(calls);
        gate.park();
        return seen | Pair.callee(calls);
    }

    @Replace
    static int request(long[] calls) {
        Work.sleep(2);
        return Pair.NEW | Pair.callee(calls);
    }

    @PrePatch
    static void prePatch() {
        System.out.println("OUT pair: pre_patch_callback");
    }

    @PostPatch
    static void postPatch() {
        System.out.println("OUT pair: post_patch_callback");
    }

    @PreUnpatch
    static void preUnpatch() {
        System.out.println("OUT pair: pre_unpatch_callback");
    }

    @PostUnpatch
    static void postUnpatch() {
        System.out.println("OUT pair: post_unpatch_callback");
    }
}
