package dev.jlivepatch.selftest.apps.kinds.threads;

/** Target: read 1 originally, 2 when patched. */
public class Gauge {
    public int read() {
        return 1;
    }
}
