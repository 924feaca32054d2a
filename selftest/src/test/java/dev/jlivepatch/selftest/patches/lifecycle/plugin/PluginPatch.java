package dev.jlivepatch.selftest.patches.lifecycle.plugin;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.PostPatch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.PreUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.patches.lifecycle.common.Cb;

/**
 * The kernel's test_klp_callbacks_demo, for Plugin in every class loader that
 * defines it: the four callbacks and a replacement.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin")
public final class PluginPatch {
    private PluginPatch() {
    }

    @Replace
    static String work() {
        return "patched";
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
