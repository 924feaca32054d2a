package dev.jlivepatch.selftest.apps.kinds.init;

/** Target whose class initialiser calls its own patched method. */
public class Late {
    public static final String VALUE = compute();

    public static String compute() {
        return "orig";
    }
}
