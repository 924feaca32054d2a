package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.line;
import static dev.jlivepatch.selftest.consistency.Fixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Atomic replace and upgrades under load (issue 11): while chain callers and
 * request handlers call the pair, patch {@code pair} goes in, then an atomic
 * replace patch {@code x} replaces it, a new version of {@code x} takes its
 * place, another replace patch {@code y} replaces {@code x}, a new version of
 * {@code y} follows, and so on, each in one transition. No chain may run two
 * versions, none may run the original code once the first patch was in force
 * (the window that disabling one patch and loading the next would open), and
 * no call may be lost or fail.
 */
class ReplaceUnderLoadTest {
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void replaceAndUpgradeNeverRunTheOriginalOrMixVersions(Jdk jdk) throws Exception {
        Path dir = Run.workDir("replace-under-load-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);
        String v = Fixtures.PATCHES + "versions.v";
        Map<String, String> replace = Map.of("Livepatch-Replace", "true");
        Path x4 = Jars.patch(dir.resolve("x4.jar"), "x", replace, v + "4");
        Path x8 = Jars.patch(dir.resolve("x8.jar"), "x", replace, v + "8");
        Path y16 = Jars.patch(dir.resolve("y16.jar"), "y", replace, v + "16");
        Path y4 = Jars.patch(dir.resolve("y4.jar"), "y", replace, v + "4");
        int moves = 24;
        Run r = Fixtures.run(jdk, app, "versions:6:4:" + moves + ":" + pair + ":" + x4 + ":" + x8 + ":" + y16 + ":"
                + y4);
        String summary = line(r, "versions: 10 threads");
        assertEquals("versions: 10 threads, " + moves + " of " + moves + " moves",
                summary.replaceAll(", \\d+ chains$", ""), r::toString);
        long chains = Long.parseLong(summary.replaceAll(".*, (\\d+) chains$", "$1"));
        assertTrue(chains > 100, () -> "too few chains ran to show anything: " + summary);
        assertEquals(0, number(r, "versions: mixed chains:"), () -> "chains mixed versions:\n" + r);
        assertEquals(0, number(r, "versions: original code after the first patch:"),
                () -> "the original ran between two versions:\n" + r);
        assertEquals("versions: lost calls: 0, errors: 0", line(r, "versions: lost calls"), r::toString);
        // Each move was one patching transition: no unpatching ran in between.
        assertEquals(0, r.lines.stream().filter(l -> l.contains("unpatching transition")).count(), r::toString);
        assertTrue(r.lines.stream().filter(l -> l.contains("patching complete")).count() >= moves + 1, r::toString);
        r.expectNoLine("refused").expectNoLine("ERROR").expectNoLine("Exception");
    }
}
