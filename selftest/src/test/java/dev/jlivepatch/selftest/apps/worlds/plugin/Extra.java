package dev.jlivepatch.selftest.apps.worlds.plugin;

/** A class only the child-first loader's jar has. */
public final class Extra {
    private Extra() {
    }

    public static String mark(String name) {
        return "extra " + name;
    }
}
