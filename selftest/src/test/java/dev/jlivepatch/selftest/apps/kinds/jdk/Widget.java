package dev.jlivepatch.selftest.apps.kinds.jdk;

/** An application class, patched while JDK classes are patched. */
public class Widget {
    public String name() {
        return "widget";
    }
}
