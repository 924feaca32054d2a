package dev.jlivepatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The application threads a transition must cover, for {@link TransitionBench}:
 * {@code count} platform threads, each {@link #DEPTH} frames deep (as in the
 * measurements DESIGN.md starts from), doing one kind of {@link Load}.
 *
 * <p>Threads that run (busy, patched, and one probe thread beside idle ones)
 * record the longest gap between two iterations of their loop, a few tens of
 * nanoseconds of work apart: any longer gap is time the thread did not run
 * (a safepoint or handshake, a deoptimisation, or the OS running another
 * thread). {@link #openWindow()} starts a measuring window; {@link #closeWindow}
 * waits until every recorder has looped once more and returns the longest gap
 * any of them saw in the window.
 */
final class AppThreads {
    /** Frames below each thread's loop. */
    static final int DEPTH = 30;
    /** Calls between two time stamps: about 20-40 ns of work. */
    private static final int CALLS = 16;

    /** What the threads do. */
    enum Load {
        /** Parked; one extra probe thread spins and records gaps. */
        IDLE,
        /** Spinning in a method no patch touches ({@link Plain#mix}). */
        BUSY,
        /** Spinning on calls of the patched method ({@link Target#mix}), which returns quickly. */
        PATCHED
    }

    private final List<Recorder> recorders = new ArrayList<>();
    private final List<Thread> all = new ArrayList<>();
    private volatile boolean running = true;
    /** Bumped to open a window; recorders reset their maximum when they see it change. */
    private volatile int window;

    /**
     * Starts the threads and waits until each has reached its loop.
     *
     * @param count how many application threads
     * @param load what they do
     */
    AppThreads(int count, Load load) throws InterruptedException {
        int threads = load == Load.IDLE ? count + 1 : count;
        CountDownLatch ready = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            Thread t;
            if (load == Load.IDLE && i < count) {
                t = new Thread(() -> descend(DEPTH, ready, this::park), "app-idle-" + i);
            } else {
                Recorder r = new Recorder(load == Load.PATCHED);
                recorders.add(r);
                t = new Thread(() -> descend(DEPTH, ready, r), (load == Load.IDLE ? "app-probe-" : "app-" + load.name().toLowerCase() + "-") + i);
            }
            t.setDaemon(true);
            all.add(t);
            t.start();
        }
        ready.await();
    }

    /** Stops every thread and waits for them. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : all) {
            LockSupport.unpark(t);
        }
        for (Thread t : all) {
            t.join(10_000);
        }
    }

    /** Starts a measuring window: gaps from the next iteration of each recorder on count. */
    void openWindow() {
        window++;
        // Wait until each recorder has seen the new window, so no gap of the previous one leaks in.
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Recorder r : recorders) {
            while (r.seenWindow != window && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.yield();
            }
        }
    }

    /**
     * Ends the window: waits until every recorder has looped after {@code end} (so a gap that began
     * inside the window is complete), then returns the longest gap any recorder saw.
     *
     * @param end a {@link System#nanoTime} stamp: the end of what was measured
     * @return the longest gap in nanoseconds
     */
    long closeWindow(long end) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long max = 0;
        for (Recorder r : recorders) {
            while (r.beat.get() - end < 0 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            max = Math.max(max, r.max.get());
        }
        return max;
    }

    /** Recurses to the given depth, then signals readiness and runs the body. */
    private static void descend(int depth, CountDownLatch ready, Runnable body) {
        if (depth > 0) {
            descend(depth - 1, ready, body);
            return;
        }
        ready.countDown();
        body.run();
    }

    private void park() {
        while (running) {
            LockSupport.park(this);
        }
    }

    /** A spinning thread that records the longest gap between its iterations in the current window. */
    private final class Recorder implements Runnable {
        private final boolean patched;
        /** Written by the thread with a release store (a plain store on x86), read by the benchmark thread. */
        final AtomicLong max = new AtomicLong();
        final AtomicLong beat = new AtomicLong(System.nanoTime());
        volatile int seenWindow;
        /** Keeps the work alive. */
        int sink;

        Recorder(boolean patched) {
            this.patched = patched;
        }

        @Override
        public void run() {
            int x = (int) System.nanoTime();
            int w = window;
            seenWindow = w;
            long last = System.nanoTime();
            long most = 0;
            while (running) {
                x = patched ? patchedWork(x) : plainWork(x);
                long now = System.nanoTime();
                int cw = window;
                if (cw != w) {
                    w = cw;
                    most = 0;
                    max.lazySet(0);
                    seenWindow = cw;
                } else if (now - last > most) {
                    most = now - last;
                    max.lazySet(most);
                }
                beat.lazySet(now);
                last = now;
            }
            sink = x;
        }

        private int plainWork(int x) {
            for (int i = 0; i < CALLS; i++) {
                x = Plain.mix(x);
            }
            return x;
        }

        private int patchedWork(int x) {
            for (int i = 0; i < CALLS; i++) {
                x = Target.mix(x);
            }
            return x;
        }
    }
}
