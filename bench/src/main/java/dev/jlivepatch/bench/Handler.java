package dev.jlivepatch.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * A request handler's shape, for {@link TransitionRatio} (issue 9): the caller
 * waits 2 ms inside itself (as a handler waits on a database), then calls the
 * callee. The patch {@code target/bench-handler-patch.jar} replaces both.
 */
public final class Handler {
    private Handler() {
    }

    /**
     * The caller.
     *
     * @param x any value
     * @return the callee's answer
     */
    public static int request(int x) {
        LockSupport.parkNanos(2_000_000);
        return callee(x) + 1;
    }

    /**
     * The callee.
     *
     * @param x any value
     * @return {@code x + 1}
     */
    public static int callee(int x) {
        return x + 1;
    }
}
