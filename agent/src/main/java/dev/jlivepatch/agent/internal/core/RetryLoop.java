package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.transition.Transition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transition manager's thread ({@code jlivepatch-transition}): retries
 * rounds, backing off, while a transition runs. A round stops every thread
 * for as long as it takes to bring them all to a safepoint, which with many
 * busy threads on few cores is long; the wait before the next round is at
 * least twice the last round (up to a second, the kernel's period), so
 * rounds take at most a third of the time, and busy threads switch
 * themselves on entry in between. When the last thread that a round left
 * behind switches itself, it wakes this thread, which runs the next round at
 * once: that round looks at no thread and completes the transition.
 */
final class RetryLoop implements Runnable {
    private static final long FIRST_RETRY_MILLIS = 2;
    private static final long LAST_RETRY_MILLIS = 250;
    private static final long ROUND_SHARE = 2;
    private static final long ROUND_SHARE_LIMIT_MILLIS = 1000;

    private final ReentrantLock lock;
    private final TransitionManager transitions;

    RetryLoop(ReentrantLock lock, TransitionManager transitions) {
        this.lock = lock;
        this.transitions = transitions;
    }

    @Override
    public void run() {
        long delay = FIRST_RETRY_MILLIS;
        Transition last = null;
        while (true) {
            // Sleep out the back-off, unless the threads left behind all switch themselves first.
            Transition waited = transitions.current();
            if (waited != null) {
                waited.wakeWhenSwitched(Thread.currentThread());
            }
            long until = System.nanoTime() + delay * 1_000_000;
            for (long left = until - System.nanoTime(); left > 0 && (waited == null || !waited.settled());
                    left = until - System.nanoTime()) {
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    return;
                }
            }
            long roundMillis = 0;
            lock.lock();
            try {
                Transition now = transitions.current();
                if (now == null) {
                    transitions.retriesEnded();
                    return;
                }
                if (now != last) {
                    last = now;
                    delay = FIRST_RETRY_MILLIS;
                }
                long start = System.nanoTime();
                transitions.attempt();
                roundMillis = (System.nanoTime() - start) / 1_000_000;
            } catch (RuntimeException | Error e) {
                Log.error("transition manager round failed; retrying", e);
            } finally {
                lock.unlock();
            }
            delay = Math.max(Math.min(delay * 2, LAST_RETRY_MILLIS),
                    Math.min(ROUND_SHARE * roundMillis, ROUND_SHARE_LIMIT_MILLIS));
        }
    }
}
