package dev.jlivepatch.selftest.patches.lifecycle.loaders.misspelled;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** A replacement whose name is misspelled: {@code Plugin} has no {@code wrok}. */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin")
public final class Misspelled {
    private Misspelled() {
    }

    @Replace
    static String wrok() {
        return "patched";
    }
}
