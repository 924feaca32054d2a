package dev.jlivepatch.coretest.patches.counter;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.coretest.journal.Journal;

/** Replaces {@code Counter.work}, answering {@code n + 1000}; its callbacks write to the journal. */
@Patch(target = "dev.jlivepatch.coretest.app.Counter")
public final class CounterFix {
    private CounterFix() {
    }

    @Replace
    static int work(int n) {
        return n + 1000;
    }

    @PrePatch
    static boolean prePatch(PatchTarget t) {
        return Journal.prePatch(t);
    }

    @PostPatch
    static void postPatch(PatchTarget t) {
        Journal.note("post_patch", t);
    }

    @PreUnpatch
    static void preUnpatch(PatchTarget t) {
        Journal.note("pre_unpatch", t);
    }

    @PostUnpatch
    static void postUnpatch(PatchTarget t) {
        Journal.note("post_unpatch", t);
    }
}
