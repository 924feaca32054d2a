package dev.jlivepatch.selftest.apps.kinds.access;

/** Target with package-private members, patched by a patch class declared in this package. */
public class Tally {
    static int total;
    int hits;

    int bump(int by) {
        hits += by;
        total += by;
        return hits;
    }

    static String tag() {
        return "tally";
    }

    public String show() {
        return "orig hits=" + hits;
    }
}
