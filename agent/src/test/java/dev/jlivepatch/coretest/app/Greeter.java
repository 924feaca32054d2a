package dev.jlivepatch.coretest.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A target class of the core's unit tests. */
public final class Greeter {
    private Greeter() {
    }

    public static String greet(String name) {
        return "hello " + name;
    }

    /** Tells that the thread is in, then stays here until released (30 s at most): a thread inside a target. */
    public static void hold(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
