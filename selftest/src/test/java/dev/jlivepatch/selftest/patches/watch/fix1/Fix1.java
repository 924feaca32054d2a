package dev.jlivepatch.selftest.patches.watch.fix1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.watch.app.Greeter;

/** Version 1 of patch 'fix'. */
@Patch(target = "dev.jlivepatch.selftest.watch.app.Greeter")
public final class Fix1 {
    @Replace
    static String greet(Greeter self, String name) {
        return "fix v1 " + name;
    }
}
