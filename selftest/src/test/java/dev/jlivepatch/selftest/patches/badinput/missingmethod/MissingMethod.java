package dev.jlivepatch.selftest.patches.badinput.missingmethod;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: the target has no method named farewell. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class MissingMethod {
    @Replace
    static String farewell(Target self, String who) {
        return "bad";
    }
}
