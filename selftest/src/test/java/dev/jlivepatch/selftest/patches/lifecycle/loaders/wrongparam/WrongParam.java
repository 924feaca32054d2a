package dev.jlivepatch.selftest.patches.lifecycle.loaders.wrongparam;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A replacement with the wrong parameter type: {@code Plugin.greet} takes a String. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin")
public final class WrongParam {
    private WrongParam() {
    }

    @Replace
    static String greet(int who) {
        return "patched " + who;
    }
}
