package dev.jlivepatch.selftest.patches.badinput.constructor;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: constructors cannot be replaced. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class Constructor {
    @Replace(method = "<init>")
    static void init(Target self, String name) {
    }
}
