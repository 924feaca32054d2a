package dev.jlivepatch.selftest.apps.kinds.old;

import java.io.IOException;

/**
 * Target whose class file the test rewrites to version 49. Valid at that version: no
 * invokedynamic (so no string concatenation with +, no lambdas) and no calls to private methods.
 */
public class Old49 {
    /** Set by the class initialiser through a (patched) static method. */
    public static final String INIT;

    static {
        INIT = tag();
    }

    private int base = 10;

    public static String tag() {
        return "orig49";
    }

    public int add(int a, long b) {
        return (int) (a + b) + base;
    }

    public synchronized String locked() {
        return "orig locked=".concat(String.valueOf(Thread.holdsLock(this)));
    }

    public int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }

    public int parse(String s) throws IOException {
        throw new IOException("orig ".concat(s));
    }
}
