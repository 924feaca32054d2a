package dev.jlivepatch.selftest.apps.kinds.init;

/** Target initialised by several threads at once; its initialiser is slow and calls its patched method. */
public class Racy {
    public static final String VALUE;

    static {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        VALUE = compute();
    }

    public static String compute() {
        return "orig racy";
    }
}
