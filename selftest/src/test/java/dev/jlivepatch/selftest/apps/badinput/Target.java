package dev.jlivepatch.selftest.apps.badinput;

/** The target of the bad patches: an instance method, a static method and a constructor. */
public class Target {
    private final String name;

    public Target(String name) {
        this.name = name;
    }

    public String greet(String who) {
        return name + " greets " + who;
    }

    public static int twice(int x) {
        return 2 * x;
    }
}
