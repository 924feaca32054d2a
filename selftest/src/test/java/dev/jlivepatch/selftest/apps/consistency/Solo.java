package dev.jlivepatch.selftest.apps.consistency;

/** The target of a second, unrelated patch. */
public final class Solo {
    private Solo() {
    }

    public static String work() {
        return "original";
    }
}
