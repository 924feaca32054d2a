package dev.jlivepatch.selftest.patches.hammer.h2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T3;

/** Patch {@code h2} on {@code T3}: both methods answer {@code h2}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T3")
public final class H2T3 {
    private H2T3() {
    }

    @Replace
    static String work(T3 self) {
        return "h2";
    }

    @Replace
    static String slow(T3 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h2";
    }
}
