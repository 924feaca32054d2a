package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.time.Duration;
import java.util.List;

/**
 * Waits for the running transition through the MBean's
 * {@code awaitTransition}, in slices so that people see progress: after a
 * second, then every few seconds, how long it has waited and which threads
 * block it.
 */
final class Waiter {
    static final long SLICE_MILLIS = 1000;
    static final long FIRST_PROGRESS_MILLIS = 1000;
    static final long PROGRESS_EVERY_MILLIS = 5000;

    /**
     * How a wait ended.
     *
     * @param done whether no transition runs any more
     * @param blockers the threads blocking it when the time was up; empty when done
     * @param waited how long it waited
     */
    record Outcome(boolean done, List<BlockerInfo> blockers, Duration waited) {
    }

    private Waiter() {
    }

    /**
     * @param what the transition, for the progress lines: {@code the patching transition of 'fix'}
     */
    static Outcome await(Connection c, Out out, String what, Duration timeout) throws Failure {
        long start = System.nanoTime();
        long limit = timeout.toMillis();
        long nextProgress = FIRST_PROGRESS_MILLIS;
        while (true) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            long left = limit - elapsed;
            if (left <= 0) {
                break;
            }
            long slice = Math.min(left, SLICE_MILLIS);
            if (c.call(m -> m.awaitTransition(slice))) {
                return new Outcome(true, List.of(), Duration.ofMillis(elapsed));
            }
            elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed >= nextProgress && elapsed < limit) {
                progress(c, out, what, Duration.ofMillis(elapsed));
                nextProgress = elapsed + PROGRESS_EVERY_MILLIS;
            }
        }
        // A last look: it may have completed just as the time ran out.
        if (c.call(m -> m.awaitTransition(0))) {
            return new Outcome(true, List.of(), timeout);
        }
        return new Outcome(false, c.call(LivepatchMXBean::getBlockingThreads), timeout);
    }

    private static void progress(Connection c, Out out, String what, Duration waited) throws Failure {
        if (out.json()) {
            return;
        }
        List<BlockerInfo> blockers = c.call(LivepatchMXBean::getBlockingThreads);
        String line = "waiting for " + what + " (" + Durations.show(waited) + ")";
        if (!blockers.isEmpty()) {
            line += ": blocked by " + blockers.get(0)
                    + (blockers.size() > 1 ? " and " + Views.threads(blockers.size() - 1) + " more" : "");
        }
        out.line(line);
    }
}
