package dev.jlivepatch.selftest.apps.lifecycle;

/** A target class that the application loads on purpose (the kernel's target module). */
public final class Target {
    static {
        System.out.println("OUT Target: clinit");
    }

    private Target() {
    }

    public static String work() {
        return "original";
    }
}
