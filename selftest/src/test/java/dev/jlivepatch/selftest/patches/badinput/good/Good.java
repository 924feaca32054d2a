package dev.jlivepatch.selftest.patches.badinput.good;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** A valid patch: proves the agent still works after the refusals. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class Good {
    @Replace
    static String greet(Target self, String who) {
        return "patched greeting for " + who;
    }
}
