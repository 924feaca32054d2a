package dev.jlivepatch.selftest.patches.basic.v1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.basic.Greeter;

@Patch(target = "dev.jlivepatch.selftest.apps.basic.Greeter")
public final class GreeterV1 {
    @Replace
    static String greet(Greeter self, String name) {
        return "v1 " + name;
    }
}
