package dev.jlivepatch.selftest.patches.lifecycle.shadow2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.lifecycle.Box;

/**
 * Stacked on shadow1: keeps counting in the shadow variable shadow1 attached
 * (same id), and leaves it to shadow1 to free them.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Box")
public final class BoxPatch2 {
    static final long SEEN = 1;

    private BoxPatch2() {
    }

    @Replace
    static String describe(Box self) {
        int[] seen = Shadow.getOrAlloc(self, SEEN, () -> new int[1]);
        seen[0]++;
        return "box " + self.name() + " seen " + seen[0] + " (sh2)";
    }

    @PostUnpatch
    static void postUnpatch() {
        System.out.println("OUT sh2: post_unpatch_callback: leaving the shadows to sh1");
    }
}
