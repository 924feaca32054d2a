package dev.jlivepatch.selftest.patches.badinput.loadedmissing;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import java.util.ArrayList;

/**
 * Bad: replaces a method that java.util.ArrayList does not have. ArrayList is
 * loaded before the agent starts, so the patch is matched (and refused) at once.
 */
@Patch(target = "java.util.ArrayList")
public final class LoadedMissing {
    @Replace
    static int noSuchMethod(ArrayList<?> self) {
        return -1;
    }
}
