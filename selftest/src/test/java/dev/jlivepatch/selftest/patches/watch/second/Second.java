package dev.jlivepatch.selftest.patches.watch.second;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.watch.app.Greeter;

/** Patch 'second': enabled after 'first', so its replacement is on top. */
@Patch(target = "dev.jlivepatch.selftest.watch.app.Greeter")
public final class Second {
    @Replace
    static String greet(Greeter self, String name) {
        return "second " + name;
    }
}
