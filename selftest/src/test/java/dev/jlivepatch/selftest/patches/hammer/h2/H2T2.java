package dev.jlivepatch.selftest.patches.hammer.h2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T2;

/** Patch {@code h2} on {@code T2}: both methods answer {@code h2}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T2")
public final class H2T2 {
    private H2T2() {
    }

    @Replace
    static String work(T2 self) {
        return "h2";
    }

    @Replace
    static String slow(T2 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h2";
    }
}
