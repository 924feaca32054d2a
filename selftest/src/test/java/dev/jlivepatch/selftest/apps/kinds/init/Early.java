package dev.jlivepatch.selftest.apps.kinds.init;

/** Target loaded before the patch, called from another class's initialiser. */
public class Early {
    public static String value() {
        return "orig early";
    }
}
