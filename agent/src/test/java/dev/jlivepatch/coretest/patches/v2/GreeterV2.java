package dev.jlivepatch.coretest.patches.v2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.coretest.journal.Journal;

/** Replaces {@code Greeter.greet}, answering {@code v2 NAME}; its callbacks write to the journal. */
@Patch(target = "dev.jlivepatch.coretest.app.Greeter")
public final class GreeterV2 {
    private GreeterV2() {
    }

    @Replace
    static String greet(String name) {
        return "v2 " + name;
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
