package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.coretest.app.Greeter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A thread parked inside {@link Greeter#hold}: while it is there, a
 * transition that affects {@code hold} cannot complete, since the transition
 * manager walks the real stacks of the test JVM's threads and finds it there.
 * Its stub is never woven (the environment is fake), but the methods a
 * transition affects come from the patch's bindings, not from the stubs.
 */
final class Holder implements AutoCloseable {
    static final String HOLD = "hold(Ljava/util/concurrent/CountDownLatch;Ljava/util/concurrent/CountDownLatch;)V";

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    final Thread thread = new Thread(() -> Greeter.hold(entered, release), "holder");

    Holder() throws InterruptedException {
        thread.setDaemon(true);
        thread.start();
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the holder never entered Greeter.hold");
        }
    }

    /** Lets the thread leave {@code hold}, and waits for it to end. */
    @Override
    public void close() throws InterruptedException {
        release.countDown();
        thread.join(10_000);
    }
}
