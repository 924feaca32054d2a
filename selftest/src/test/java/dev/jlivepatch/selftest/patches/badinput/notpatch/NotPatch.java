package dev.jlivepatch.selftest.patches.badinput.notpatch;

import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: a @Replace method in a class without @Patch. */
public final class NotPatch {
    @Replace
    static String greet(Target self, String who) {
        return "bad";
    }
}
