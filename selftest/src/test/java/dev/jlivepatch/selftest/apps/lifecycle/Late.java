package dev.jlivepatch.selftest.apps.lifecycle;

/** A target class that loads only when the application first touches it, possibly after a patch for it. */
public final class Late {
    static {
        System.out.println("OUT Late: clinit");
    }

    private Late() {
    }

    public static String work() {
        return "original";
    }
}
