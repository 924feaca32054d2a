package dev.jlivepatch.selftest.apps.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's busy target module (test_klp_callbacks_busy): a thread sits in
 * its patched work function, which keeps a transition from completing.
 */
public final class Busy {
    static {
        System.out.println("OUT Busy: clinit");
    }

    private Busy() {
    }

    /** What the callbacks show of this target. */
    public static String work() {
        return "original";
    }

    /**
     * The kernel's {@code busymod_work_func}: returns at once, or waits (60 s at most) to be released.
     *
     * @param entered counted down once the thread is inside
     * @param release null to return at once, or what to wait for
     */
    public static void workFunc(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
        System.out.println("OUT Busy: work_func, " + (release == null ? "sleeping 0 seconds" : "waiting") + " ...");
        entered.countDown();
        if (release != null && !release.await(60, TimeUnit.SECONDS)) {
            System.out.println("OUT Busy: work_func never released");
        }
        System.out.println("OUT Busy: work_func exit");
    }
}
