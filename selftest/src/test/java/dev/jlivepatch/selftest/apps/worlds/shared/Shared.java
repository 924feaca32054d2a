package dev.jlivepatch.selftest.apps.worlds.shared;

import dev.jlivepatch.selftest.apps.worlds.childfirst.Greeting;

/** The class both loaders define, each its own copy from its own jar. */
public class Shared implements Greeting {
    @Override
    public String greet(String name) {
        return "Hello " + name + " from " + where();
    }

    /** The name of the loader that defined this copy. */
    String where() {
        return Shared.class.getClassLoader().getName();
    }
}
