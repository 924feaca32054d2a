package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A private nested class: the receiver is typed Object. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Outer$Hidden")
public final class HiddenFix {
    private HiddenFix() {
    }

    @Replace
    static String hi(Object self) {
        return "HIDDEN";
    }
}
