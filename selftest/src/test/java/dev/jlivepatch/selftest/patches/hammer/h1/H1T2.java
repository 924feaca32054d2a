package dev.jlivepatch.selftest.patches.hammer.h1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.hammertargets.T2;

/** Patch {@code h1} on {@code T2}: both methods answer {@code h1}. */
@Patch(target = "dev.jlivepatch.selftest.apps.hammertargets.T2")
public final class H1T2 {
    private H1T2() {
    }

    @Replace
    static String work(T2 self) {
        return "h1";
    }

    @Replace
    static String slow(T2 self, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "h1";
    }
}
