package dev.jlivepatch.selftest.patches.lifecycle.loaders.wrongloader;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The right target, narrowed to a class loader that does not exist: no loader is named {@code web}. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin", loader = "web")
public final class WrongLoader {
    private WrongLoader() {
    }

    @Replace
    static String work() {
        return "patched";
    }
}
