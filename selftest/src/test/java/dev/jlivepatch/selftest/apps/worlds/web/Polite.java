package dev.jlivepatch.selftest.apps.worlds.web;

/** A class only the web application has (its jar in WEB-INF/lib); the patch uses it. */
final class Polite {
    private Polite() {
    }

    static String dear(String name) {
        return "Dear " + name;
    }
}
