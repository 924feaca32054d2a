package dev.jlivepatch.selftest.watch.app;

/** The target of the watched-directory tests. */
public class Greeter {
    public String greet(String name) {
        return "Hello " + name;
    }
}
