package dev.jlivepatch.coretest.app;

/** A second target class of the core's unit tests. */
public final class Counter {
    private Counter() {
    }

    public static int work(int n) {
        return n;
    }
}
