package dev.jlivepatch.selftest.apps.consistency;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Where a thread parks inside a patched method until the test lets it go; not itself patched. */
public final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Called by the parking thread: tells that it is in, then waits (60 s at most) to be let go. */
    public void park() {
        entered.countDown();
        try {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (10 s at most) until a thread has parked. */
    public void awaitParked() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no thread parked");
        }
    }

    public void release() {
        released.countDown();
    }
}
