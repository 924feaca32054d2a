package dev.jlivepatch.selftest.patches.lifecycle.loaders.typo;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A typo in the target's name: no class loader can find {@code Plugn}. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugn")
public final class Typo {
    private Typo() {
    }

    @Replace
    static String work() {
        return "patched";
    }
}
