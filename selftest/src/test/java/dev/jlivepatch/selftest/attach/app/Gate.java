package dev.jlivepatch.selftest.attach.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A method a thread can be held inside: while a thread waits in
 * {@link #pass()}, a transition that replaces it cannot switch that thread,
 * so it stalls, as a patched consumer loop parked in {@code take()} would.
 */
public final class Gate {
    private static final CountDownLatch OPEN = new CountDownLatch(1);

    private Gate() {
    }

    /** Waits until {@link #release()} (at most a minute), then says which code ran. */
    public static String pass() throws InterruptedException {
        OPEN.await(60, TimeUnit.SECONDS);
        return "gate original";
    }

    public static void release() {
        OPEN.countDown();
    }
}
