package dev.jlivepatch.selftest.patches.worlds.agents;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.worlds.agents.Greeter;

/** Check, then delegate ({@code greet} runs what it replaced); {@code version} is replaced outright. */
@Patch(target = "dev.jlivepatch.selftest.apps.worlds.agents.Greeter")
public final class GreeterFix {
    private GreeterFix() {
    }

    @Replace
    static String greet(Greeter self, String name) {
        return "fixed(" + greet$original(self, name) + ")";
    }

    @Original
    static String greet$original(Greeter self, String name) {
        throw new AssertionError();
    }

    @Replace
    static String version() {
        return "v1";
    }
}
