package dev.jlivepatch.coretest.patches.nowhere;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** Targets a class that no class loader can find. */
@Patch(target = "dev.jlivepatch.coretest.app.Nowhere")
public final class Nowhere {
    private Nowhere() {
    }

    @Replace
    static String work() {
        return "patched";
    }
}
