package dev.jlivepatch.selftest.patches.badinput.bridge;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Score;

/** Bad: names the bridge compareTo(Object), which every call passes on to compareTo(Score). */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Score")
public final class Bridge {
    @Replace
    static int compareTo(Score self, Object other) {
        return 0;
    }
}
