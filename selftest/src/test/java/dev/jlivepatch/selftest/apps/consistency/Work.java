package dev.jlivepatch.selftest.apps.consistency;

import java.util.concurrent.locks.LockSupport;

/**
 * A little work between two calls, in no patched method: a short spin, then
 * a yield to the other threads. A virtual thread sleeps briefly instead: one
 * that yields may be run again at once on its carrier, so a few virtual
 * threads that only yield can starve the others for seconds.
 */
public final class Work {
    private static volatile int sink;

    private Work() {
    }

    public static void pause() {
        int x = sink;
        for (int i = 0; i < 200; i++) {
            x = x * 31 + i;
        }
        sink = x;
        if (Spawn.isVirtual(Thread.currentThread())) {
            LockSupport.parkNanos(10_000);
        } else {
            Thread.yield();
        }
    }

    /** Sleeps, as a handler waits on a database: platform threads block in the kernel, virtual ones unmount. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
