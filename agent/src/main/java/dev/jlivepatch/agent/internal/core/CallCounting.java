package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counting the calls of every replacement, on demand (proof that a fix
 * runs). Nothing counts while nobody asks: the stubs run the plain bridges,
 * which cost what the replacement costs. Asked, every stub is switched to a
 * bridge that adds one to its replacement's counter before the call, for a
 * window that switches back by itself when it ends, so that a client that
 * goes away cannot leave counting on. Counts are kept per replacement for as
 * long as its patch stays applied: they go on where they stopped when
 * counting is switched on again, and clients take differences.
 */
public final class CallCounting {
    private final FuncStacks stacks;
    private final Registry registry;
    /** When counting was last switched on, or 0: this object's lock. */
    private long since;
    /** When counting switches off, or 0 when it is off: this object's lock. */
    private long until;
    private Thread timer;

    CallCounting(FuncStacks stacks, Registry registry) {
        this.stacks = stacks;
        this.registry = registry;
    }

    /**
     * Counts calls from now until {@code millis} from now, or longer if a
     * window asked for earlier runs longer.
     *
     * @param millis the window, more than 0
     * @return the counts as they were just before (no call made once this returns is in them): the base to
     *     subtract from a later {@link #read()}
     * @throws IllegalArgumentException for a window of 0 or less
     */
    public synchronized CallCounts start(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("a window to count calls in must be longer than 0 ms, not " + millis);
        }
        List<CallCounts.Count> base = counts();
        long now = System.currentTimeMillis();
        long end = millis > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + millis;
        if (until == 0) {
            since = now;
            switchTo(true);
            Log.info("counting the calls of every replacement for " + millis + " ms");
        }
        if (end > until) {
            until = end;
            notifyAll();
        }
        if (timer == null) {
            timer = new Thread(this::expire, "jlivepatch-calls");
            timer.setDaemon(true);
            timer.start();
        }
        return new CallCounts(true, since, until, base);
    }

    /** Stops counting now, whatever window was asked for. */
    public synchronized void stop() {
        if (until != 0) {
            until = 0;
            switchTo(false);
            notifyAll();
        }
    }

    /** @return the calls counted so far, per replacement applied now */
    public CallCounts read() {
        boolean on;
        long from;
        long to;
        synchronized (this) {
            on = until != 0;
            from = since;
            to = until;
        }
        return new CallCounts(on, from, to, counts());
    }

    private List<CallCounts.Count> counts() {
        List<CallCounts.Count> out = new ArrayList<>();
        synchronized (stacks.lock()) {
            for (Class<?> c : stacks.tracked()) {
                for (Binding b : stacks.of(c).bindings()) {
                    if (b.nop()) {
                        continue;
                    }
                    for (String key : b.keys()) {
                        out.add(new CallCounts.Count(b.patch().id(), c.getName(), c.getClassLoader(), key,
                                b.calls(key)));
                    }
                }
            }
        }
        List<LoadedPatch> order = registry.all();
        out.sort(Comparator.comparingInt((CallCounts.Count n) -> indexOf(order, n.patchId()))
                .thenComparing(CallCounts.Count::className).thenComparing(CallCounts.Count::method));
        return List.copyOf(out);
    }

    private static int indexOf(List<LoadedPatch> order, String id) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i).id().equals(id)) {
                return i;
            }
        }
        return order.size();
    }

    private void switchTo(boolean on) {
        synchronized (stacks.lock()) {
            stacks.counting(on);
        }
    }

    /** The timer: switches counting off when the window ends. */
    private synchronized void expire() {
        try {
            while (until != 0) {
                long left = until - System.currentTimeMillis();
                if (left <= 0) {
                    until = 0;
                    switchTo(false);
                    Log.info("stopped counting calls: the window ended");
                    break;
                }
                wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer = null;
        }
    }
}
