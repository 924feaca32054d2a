package dev.jlivepatch.selftest.patches.watch.fix2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.watch.app.Greeter;

/** Version 2 of patch 'fix'. */
@Patch(target = "dev.jlivepatch.selftest.watch.app.Greeter")
public final class Fix2 {
    @Replace
    static String greet(Greeter self, String name) {
        return "fix v2 " + name;
    }
}
