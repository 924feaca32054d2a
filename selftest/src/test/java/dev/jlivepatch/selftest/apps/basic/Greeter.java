package dev.jlivepatch.selftest.apps.basic;

/** The target: a plain application class. */
public class Greeter {
    private int greeted;

    public String greet(String name) {
        greeted++;
        return "Hello " + name;
    }

    public static int twice(int x) {
        return 2 * x;
    }
}
