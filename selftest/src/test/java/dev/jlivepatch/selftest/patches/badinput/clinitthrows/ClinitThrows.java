package dev.jlivepatch.selftest.patches.badinput.clinitthrows;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: the patch class's static initialiser throws. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class ClinitThrows {
    private static final String PREFIX = boom();

    @Replace
    static String greet(Target self, String who) {
        return PREFIX + who;
    }

    private static String boom() {
        throw new IllegalStateException("boom in static initialiser");
    }
}
