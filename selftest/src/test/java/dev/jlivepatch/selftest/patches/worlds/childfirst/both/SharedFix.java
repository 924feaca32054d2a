package dev.jlivepatch.selftest.patches.worlds.childfirst.both;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetMethod;
import dev.jlivepatch.selftest.apps.worlds.shared.Shared;

/**
 * No {@code loader}: patches both copies. Each binding's patch class sees
 * its own copy of {@code Shared} (and calls its package-private method).
 */
@Patch(target = "dev.jlivepatch.selftest.apps.worlds.shared.Shared")
public final class SharedFix {
    private SharedFix() {
    }

    @TargetMethod("where")
    static String where(Shared self) {
        throw new AssertionError();
    }

    @Replace
    static String greet(Shared self, String name) {
        return "patched " + name + " in " + where(self);
    }
}
