package dev.jlivepatch.selftest.apps.lifecycle.plugin;

/**
 * A target that lives in its own jar, off the application's class path: the
 * application defines it in class loaders of its own, possibly several times.
 * It sees only the JDK, so it prints directly.
 */
public final class Plugin {
    static {
        System.out.println("OUT Plugin: clinit in " + Plugin.class.getClassLoader().getName());
    }

    private Plugin() {
    }

    public static String work() {
        return "original";
    }

    public static String greet(String who) {
        return "hello " + who;
    }
}
