package dev.jlivepatch.selftest.apps.kinds.jdkindy;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code call} shows Year.isLeap for the patch's probes and for ordinary years, directly and through the
 * JDK's own caller (Year.of(y).isLeap()); {@code hot} calls it in a C2-compiled loop on two threads, checking
 * every answer, while the steps that follow (a load or a disable) run: {@code joined} stops them, prints
 * their wrong answers (year 13 aside, every answer is the same on both sides) and waits for the transition.
 */
public final class Main {
    private static final AtomicBoolean STOP = new AtomicBoolean();
    private static final AtomicLong WRONG = new AtomicLong();
    private static final List<Thread> HOT = new ArrayList<>();

    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("call", Main::call, "hot", Main::hot, "joined", Main::joined));
    }

    static void call() {
        Ctl.out("isLeap 13 -13 2100 2024 1900: " + Year.isLeap(13) + " " + Year.isLeap(-13) + " "
                + Year.isLeap(2100) + " " + Year.isLeap(2024) + " " + Year.isLeap(1900)
                + "; Year.of(13).isLeap(): " + Year.of(13).isLeap());
    }

    static void hot() {
        STOP.set(false);
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                long n = 0;
                while (!STOP.get()) {
                    for (int y = 1; y <= 4000; y++) {
                        boolean expected = (y & 3) == 0 && (y % 100 != 0 || y % 400 == 0);
                        if (y != 13 && Year.isLeap(y) != expected) {
                            WRONG.incrementAndGet();
                        }
                        n += Year.isLeap(y) ? 1 : 0;
                    }
                }
                if (n == 42) {
                    Ctl.out("unlikely");
                }
            }, "hot-" + t);
            th.start();
            HOT.add(th);
        }
        try {
            Thread.sleep(300); // long enough for C2 to compile the loop with the stub
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void joined() {
        STOP.set(true);
        for (Thread t : HOT) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        HOT.clear();
        Ctl.out("hot: wrong=" + WRONG.get() + ", transition complete: " + Ctl.awaitTransition(10_000));
    }
}
