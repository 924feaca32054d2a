package dev.jlivepatch.selftest.apps.kinds.intrinsics;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * {@code check} runs each hot loop of {@link Loops} until C2 has compiled it, then samples it for
 * 300 ms and prints which code answered the probe calls: {@code NAME: jdk}, {@code NAME: patched},
 * or {@code NAME: mixed ...} when both did (an intrinsic that comes back in compiled code).
 */
public final class Main {
    private static final Map<String, IntSupplier> LOOPS = new LinkedHashMap<>();

    static {
        LOOPS.put("abs", Loops::abs);
        LOOPS.put("bitCount", Loops::bitCount);
        LOOPS.put("max", Loops::max);
        LOOPS.put("multiplyExact", Loops::multiplyExact);
        LOOPS.put("numberOfTrailingZeros", Loops::numberOfTrailingZeros);
        LOOPS.put("reverse", Loops::reverse);
        LOOPS.put("equals", Loops::equals);
        LOOPS.put("sqrt", Loops::sqrt);
        LOOPS.put("floorMod", Loops::floorMod);
    }

    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("check", Main::check));
    }

    static void check() {
        LOOPS.forEach((name, loop) -> Ctl.out(name + ": " + sample(name, loop)));
    }

    private static String sample(String name, IntSupplier loop) {
        // A load deoptimises the loops that inlined a method of the class it patched: compile them again.
        String method = Loops.class.getName() + "." + name + "(";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Compiled.byC2(method)) {
            if (System.nanoTime() > deadline) {
                return "not compiled by C2 within 60 s";
            }
            for (int i = 0; i < 500; i++) {
                loop.getAsInt();
            }
        }
        // JDK 17 once showed a patched intrinsic in a compiled loop for ~200 ms: sample longer than that.
        int jdk = 0;
        int patched = 0;
        int mixed = 0;
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < end) {
            int hits = loop.getAsInt();
            if (hits == 0) {
                jdk++;
            } else if (hits == Loops.PROBES) {
                patched++;
            } else {
                mixed++;
            }
        }
        if (patched == 0 && mixed == 0) {
            return "jdk";
        }
        if (jdk == 0 && mixed == 0) {
            return "patched";
        }
        return "mixed: " + jdk + " calls ran the JDK's code, " + patched + " the patch's, " + mixed + " both";
    }
}
