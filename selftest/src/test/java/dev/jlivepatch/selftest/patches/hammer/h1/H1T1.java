package dev.jlivepatch.selftest.patches.hammer.h1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T1;

/** Patch {@code h1} on {@code T1}: both methods answer {@code h1}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T1")
public final class H1T1 {
    private H1T1() {
    }

    @Replace
    static String work(T1 self) {
        return "h1";
    }

    @Replace
    static String slow(T1 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h1";
    }
}
