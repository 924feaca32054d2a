package dev.jlivepatch.selftest.patches.badinput.tworeplacements;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: two replacements for Target.greet in one patch class. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class TwoReplacements {
    @Replace
    static String greet(Target self, String who) {
        return "bad one";
    }

    @Replace(method = "greet")
    static String greetAgain(Target self, String who) {
        return "bad two";
    }
}
