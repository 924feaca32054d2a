package dev.jlivepatch.selftest.patches.hammer.h3;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T4;

/** Patch {@code h3} on {@code T4}: both methods answer {@code h3}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T4")
public final class H3T4 {
    private H3T4() {
    }

    @Replace
    static String work(T4 self) {
        return "h3";
    }

    @Replace
    static String slow(T4 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h3";
    }
}
