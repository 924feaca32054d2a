package dev.jlivepatch.selftest.patches.watch.first;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.watch.app.Greeter;

/** Patch 'first': the first of two jars the watcher enables in name order. */
@Patch(target = "dev.jlivepatch.selftest.watch.app.Greeter")
public final class First {
    @Replace
    static String greet(Greeter self, String name) {
        return "first " + name;
    }
}
