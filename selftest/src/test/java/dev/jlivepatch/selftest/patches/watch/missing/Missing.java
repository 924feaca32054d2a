package dev.jlivepatch.selftest.patches.watch.missing;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.watch.app.Greeter;

/** Bad: the target has no method named farewell, so the core refuses it when it is enabled. */
@Patch(target = "dev.jlivepatch.selftest.watch.app.Greeter")
public final class Missing {
    @Replace
    static String farewell(Greeter self, String name) {
        return "bad";
    }
}
