package dev.jlivepatch.selftest.patches.hammer.h3;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T1;

/** Patch {@code h3} on {@code T1}: both methods answer {@code h3}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T1")
public final class H3T1 {
    private H3T1() {
    }

    @Replace
    static String work(T1 self) {
        return "h3";
    }

    @Replace
    static String slow(T1 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h3";
    }
}
