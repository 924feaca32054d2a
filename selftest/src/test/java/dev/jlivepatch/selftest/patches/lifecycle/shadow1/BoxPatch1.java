package dev.jlivepatch.selftest.patches.lifecycle.shadow1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PostUnpatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.lifecycle.Box;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how often each box is described, in a shadow variable (the box has
 * no field for it). The value is an {@code int[]}, a JDK type, so that a patch
 * from another jar (another class loader) can share it.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Box")
public final class BoxPatch1 {
    static final long SEEN = 1;

    private BoxPatch1() {
    }

    @Replace
    static String describe(Box self) {
        int[] seen = Shadow.getOrAlloc(self, SEEN, () -> new int[1]);
        seen[0]++;
        return "box " + self.name() + " seen " + seen[0] + " (sh1)";
    }

    @Replace
    static void close(Box self) {
        Shadow.<int[]>free(self, SEEN, seen -> System.out.println("OUT sh1: freed shadow of box " + self.name()
                + " (seen " + seen[0] + ")"));
    }

    @PostUnpatch
    static void postUnpatch() {
        Map<String, Integer> freed = new TreeMap<>();
        Shadow.<int[]>freeAll(SEEN, (obj, seen) -> freed.put(((Box) obj).name(), seen[0]));
        System.out.println("OUT sh1: post_unpatch_callback: freed all shadows " + freed);
    }
}
