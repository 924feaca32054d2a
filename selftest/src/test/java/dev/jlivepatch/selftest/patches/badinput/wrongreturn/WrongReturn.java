package dev.jlivepatch.selftest.patches.badinput.wrongreturn;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: greet returns String, not Object. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class WrongReturn {
    @Replace
    static Object greet(Target self, String who) {
        return "bad";
    }
}
