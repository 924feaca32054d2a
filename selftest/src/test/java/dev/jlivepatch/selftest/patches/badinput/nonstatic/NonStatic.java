package dev.jlivepatch.selftest.patches.badinput.nonstatic;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** Bad: a @Replace method must be static. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class NonStatic {
    @Replace
    String greet(String who) {
        return "bad";
    }
}
