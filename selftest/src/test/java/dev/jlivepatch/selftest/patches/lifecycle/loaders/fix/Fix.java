package dev.jlivepatch.selftest.patches.lifecycle.loaders.fix;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A patch that matches {@code Plugin}, with no callbacks: only its replacement shows. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin")
public final class Fix {
    private Fix() {
    }

    @Replace
    static String work() {
        return "patched";
    }
}
