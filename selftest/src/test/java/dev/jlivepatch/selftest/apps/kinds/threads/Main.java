package dev.jlivepatch.selftest.apps.kinds.threads;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code threads}: a Task thread's patched run(), and a patched uncaught-exception handler in a
 * dying thread. {@code toggle}: worker threads call Gauge.read and Account.deposit, and a spawner
 * starts and joins Task threads, while the patch is disabled and enabled again and again.
 */
public final class Main {
    private static final int WORKERS = 4;
    private static final int TOGGLES = 6;
    private static final long SWITCH_TIMEOUT_MS = 10_000;

    /** Even: stable; odd: an operation is running. Stable epoch e runs the patch when (e / 2) is even. */
    static volatile int epoch;
    static volatile boolean stop;
    static final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger errorCount = new AtomicInteger();

    private Main() {
    }

    /** Records an error; keeps the first ten. */
    static void error(String what) {
        if (errorCount.incrementAndGet() <= 10) {
            errors.add(what);
        }
    }

    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> error("uncaught in " + t.getName() + ": " + e));
        Steps.run(args, Map.of("threads", Main::threads, "toggle", Main::toggle));
    }

    static void threads() {
        show("Task.run", () -> {
            Task t = new Task("t1");
            t.start();
            t.join();
            return t.result;
        });
        show("uncaught handler", () -> {
            Catcher c = new Catcher();
            Thread t = new Thread(() -> {
                throw new IllegalStateException("boom");
            }, "dying");
            t.setUncaughtExceptionHandler(c);
            t.start();
            t.join();
            return c.seen;
        });
    }

    /** What a caller sees in stable epoch e: 2 (patched) or 1 (original). */
    static int want(int e) {
        return (e / 2) % 2 == 0 ? 2 : 1;
    }

    /**
     * A caller checks every result is 1 or 2; in a stable epoch, once it has seen the epoch's
     * state it must never see the other again (a thread does not switch back), and it must come
     * to see it: the main thread waits for that after every operation.
     */
    abstract static class Caller extends Thread {
        volatile int switchedAt = -1;
        final AtomicInteger[] seen = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};

        Caller(String name) {
            super(name);
        }

        /** One round of calls: the state they all saw (1 or 2), or 0 if they disagreed. */
        abstract int round() throws Exception;

        @Override
        public void run() {
            try {
                while (!stop) {
                    int e1 = epoch;
                    int got = round();
                    int e2 = epoch;
                    seen[got].incrementAndGet();
                    if (e1 == e2 && e1 % 2 == 0) {
                        if (got == want(e1)) {
                            switchedAt = e1;
                        } else if (switchedAt == e1) {
                            error(getName() + " switched back to " + got + " in epoch " + e1);
                        }
                    }
                }
            } catch (Throwable e) {
                error(getName() + ": " + e);
            }
        }
    }

    static int check(String who, int... results) {
        int first = results[0];
        for (int r : results) {
            if (r != 1 && r != 2) {
                error(who + " got " + r);
                return 0;
            }
            if (r != first) {
                return 0;
            }
        }
        return first;
    }

    static void toggle() {
        Gauge gauge = new Gauge();
        Account account = new Account();
        AtomicInteger deposits = new AtomicInteger();
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            callers.add(new Caller("worker-" + i) {
                @Override
                int round() {
                    int r = gauge.read();
                    int d = account.deposit(1);
                    deposits.incrementAndGet();
                    return check(getName(), r, d);
                }
            });
        }
        AtomicInteger tasks = new AtomicInteger();
        callers.add(new Caller("spawner") {
            @Override
            int round() throws InterruptedException {
                Task t = new Task("task-" + tasks.incrementAndGet());
                t.start();
                t.join();
                String r = t.result;
                return check(getName(), r.equals("new " + t.getName()) ? 2 : r.equals("orig " + t.getName()) ? 1 : -1);
            }
        });
        epoch = 0;
        callers.forEach(Thread::start);
        awaitSwitch(callers);
        for (int i = 0; i < TOGGLES; i++) {
            epoch++;
            if (i % 2 == 0) {
                Ctl.disable("threads");
            } else {
                Ctl.enable("threads");
            }
            epoch++;
            awaitSwitch(callers);
        }
        stop = true;
        for (Caller c : callers) {
            try {
                c.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        boolean bothEverywhere = callers.stream().allMatch(c -> c.seen[1].get() > 0 && c.seen[2].get() > 0);
        Ctl.out("toggle: " + TOGGLES + " toggles, every caller saw both: " + bothEverywhere);
        Ctl.out("toggle: balance matches deposits: " + (account.balance() == deposits.get()));
        Ctl.out("toggle: " + errorCount.get() + " errors " + errors);
    }

    /** Waits until every caller has seen the current stable epoch's state. */
    static void awaitSwitch(List<Caller> callers) {
        long deadline = System.currentTimeMillis() + SWITCH_TIMEOUT_MS;
        int e = epoch;
        for (Caller c : callers) {
            while (c.switchedAt != e && c.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            if (c.switchedAt != e) {
                error(c.getName() + " did not come to see " + want(e) + " in epoch " + e);
            }
        }
    }
}
