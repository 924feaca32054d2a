package dev.jlivepatch.selftest.patches.badinput.badcallback;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.PrePatch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: a pre-patch callback takes an int and returns a String. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class BadCallback {
    @PrePatch
    static String prepare(int x) {
        return "bad";
    }

    @Replace
    static String greet(Target self, String who) {
        return "bad";
    }
}
