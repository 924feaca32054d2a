package dev.jlivepatch.selftest.apps.lifecycle;

/** Objects that a patch attaches shadow variables to. */
public final class Box {
    private final String name;

    public Box(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String describe() {
        return "box " + name;
    }

    public void close() {
    }
}
