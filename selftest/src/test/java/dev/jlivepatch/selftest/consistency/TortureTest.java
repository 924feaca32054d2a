package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.count;
import static dev.jlivepatch.selftest.consistency.Fixtures.line;
import static dev.jlivepatch.selftest.consistency.Fixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The torture test of the consistency model: eight threads call a
 * caller/callee pair without end (a chain of four callee calls, pausing
 * between them) while the patch that replaces both is enabled and disabled 30
 * times, some transitions awaited, others reversed while they run. No chain
 * may run the old caller with the new callee or the other way round, no call
 * may be lost or fail, every thread must make progress in every phase and run
 * the version in force once a transition completes, and each completed
 * transition runs its post callback once. Beside them, eight handler threads
 * call a caller that waits 2 ms inside itself before it calls the callee (a
 * request handler's shape, issue 9): they sit in the old caller nearly all the
 * time and switch themselves between two requests.
 *
 * <p>The same workload with {@code -Djlivepatch.consistency=off} (every thread
 * switches at once, as with HotSwap) must see mixed chains: that shows the
 * first test would fail without the per-thread check.
 */
class TortureTest {
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void noChainMixesVersionsUnderLoad(Jdk jdk) throws Exception {
        Run r = torture(jdk, "torture-on-" + jdk, List.of(), 8, 0, 30, 8, 0);
        assertEquals(0, number(r, "torture: mixed chains:"), () -> "chains mixed versions; output:\n" + r);
        expectClean(r, 8, 0, 30, 8, 0);
        // The run did exercise reversals: transitions ran long enough to be turned round.
        assertTrue(count(r, "reversing transition from patching to unpatching") > 0, () -> "no reversal:\n" + r);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void withoutTheModelChainsMix(Jdk jdk) throws Exception {
        Run r = torture(jdk, "torture-off-" + jdk, List.of("-Djlivepatch.consistency=off"), 8, 0, 30, 8, 0);
        assertTrue(number(r, "torture: mixed chains:") > 0, () -> "no chain mixed versions; output:\n" + r);
        expectClean(r, 8, 0, 30, 8, 0);
    }

    /** Loads the patch (its target loaded first), disables it, then runs the torture. */
    static Run torture(Jdk jdk, String name, List<String> jvmOptions, int platform, int virtual, int cycles,
            int handlers, int vhandlers) throws Exception {
        Path dir = Run.workDir(name);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);
        return Fixtures.run(jdk, jvmOptions, app, "chain", "load:" + pair, "await", "disable:pair", "await",
                "torture:" + platform + ":" + virtual + ":" + cycles + ":" + handlers + ":" + vhandlers);
    }

    /** Everything but the mixed chains: no lost call, no error, progress, the final state, the callbacks. */
    static void expectClean(Run r, int platform, int virtual, int cycles, int handlers, int vhandlers) {
        String workers = "torture: " + (platform + virtual + handlers + vhandlers) + " workers";
        assertEquals(workers + " (" + platform + " platform, " + virtual + " virtual"
                + (handlers + vhandlers > 0 ? ", " + handlers + " platform handlers, " + vhandlers + " virtual handlers"
                        : "") + "), " + cycles + " cycles",
                line(r, workers),
                () -> r.toString());
        assertEquals(0, number(r, "torture: lost calls:"), () -> "calls lost; output:\n" + r);
        assertEquals("torture: 0 errors []", line(r, "torture: 0 errors"), () -> r.toString());
        assertEquals("torture: every worker ran both versions: true", line(r, "torture: every worker"),
                () -> r.toString());
        assertEquals("torture: final pair enabled=false transition=none, main chain: old, 4 calls",
                line(r, "torture: final"), () -> r.toString());
        r.expectNoLine("refused").expectNoLine("ERROR").expectNoLine("Exception");
        // The one warning allowed is the agent's own about -Djlivepatch.consistency=off.
        assertEquals(0, r.lines.stream().filter(l -> l.contains("WARN") && !l.contains("jlivepatch.consistency=off"))
                .count(), () -> "unexpected warnings; output:\n" + r);
        // Every completed transition ran its post callback once, and only completed ones did.
        long completed = count(r, "completing patching transition") + count(r, "completing unpatching transition");
        long post = count(r, "OUT pair: post_patch_callback") + count(r, "OUT pair: post_unpatch_callback");
        assertEquals(completed, post, () -> "post callbacks vs completed transitions; output:\n" + r);
        assertEquals(count(r, "patching complete"), completed, () -> r.toString());
    }
}
