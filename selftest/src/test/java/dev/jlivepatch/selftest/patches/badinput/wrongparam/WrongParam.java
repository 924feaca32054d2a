package dev.jlivepatch.selftest.patches.badinput.wrongparam;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: greet takes a String, not an int. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class WrongParam {
    @Replace
    static String greet(Target self, int who) {
        return "bad";
    }
}
