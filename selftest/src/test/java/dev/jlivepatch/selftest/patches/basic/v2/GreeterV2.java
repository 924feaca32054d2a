package dev.jlivepatch.selftest.patches.basic.v2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.basic.Greeter;

@Patch(target = "dev.jlivepatch.selftest.apps.basic.Greeter")
public final class GreeterV2 {
    @Replace
    static String greet(Greeter self, String name) {
        return "v2 " + name;
    }

    @Replace
    static int twice(int x) {
        return 4 * x;
    }
}
