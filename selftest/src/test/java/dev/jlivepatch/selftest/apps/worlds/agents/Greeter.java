package dev.jlivepatch.selftest.apps.worlds.agents;

/** The target next to other agents: JaCoCo counts its probes, the test's ByteBuddy agent advises {@link #greet}. */
public class Greeter {
    public String greet(String name) {
        return "Hello " + name;
    }

    public static String version() {
        return "v0";
    }
}
