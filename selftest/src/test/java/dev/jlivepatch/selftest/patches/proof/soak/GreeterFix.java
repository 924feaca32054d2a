package dev.jlivepatch.selftest.patches.proof.soak;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** The soak's patch: {@code Greeter.greet} answers {@code fixed NAME}. */
@Patch(target = "dev.jlivepatch.selftest.soaktarget.Greeter")
public final class GreeterFix {
    private GreeterFix() {
    }

    @Replace
    static String greet(String name) {
        return "fixed ".concat(name);
    }
}
