package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lock rule under load (issue 8, B2): status read without pause through
 * the MBean ({@code Patches} with targets, {@code Blockers},
 * {@code BlockingThreads}) while three patches on four target classes are
 * loaded, enabled, disabled and removed, commands land during transitions,
 * and the targets are defined again and again in new class loaders, before
 * and during transitions, and called. Each read must be one whole state the
 * model allows (see {@code apps.hammer.StatusCheck}), and in the end every
 * loaded target class runs and is listed as patched exactly when its patch
 * is enabled.
 *
 * <p>What it catches: a status assembled from several moments (a patch's
 * {@code enabled} read before a command and its {@code transition} after,
 * a stack order of 0 read after a remove, targets read after a transition
 * completed: the MBean read each under its own hold of the lock, and this
 * test failed at once on both JDKs); a target class that loads while its
 * patch is enabled and misses it, or is bound twice and keeps the patch
 * once it is disabled (both seen here, see {@code LoadingDuringEnableTest}
 * and {@code FuncStacksTest} in the agent's unit tests); a loaded target
 * missing from the status or listed twice; a command refused for a reason
 * other than a running transition; a transition that never completes.
 */
class StatusHammerTest {
    private static final String APP = "dev.jlivepatch.selftest.apps.hammer";
    private static final String PATCHES = "dev.jlivepatch.selftest.patches.hammer.";
    private static final long DRIVE_MILLIS = 6_000;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void everyStatusIsOneWholeStateWhilePatchesAndClassesChange(Jdk jdk) throws Exception {
        Path dir = Run.workDir("hammer-" + jdk);
        Path app = Jars.app(dir.resolve("app.jar"), APP);
        Path targets = Jars.app(dir.resolve("targets.jar"), "dev.jlivepatch.selftest.apps.hammertargets");
        Map<String, String> deferred = Map.of("Livepatch-Deferred-Targets", "*");
        Path h1 = Jars.patch(dir.resolve("h1.jar"), "h1", deferred, PATCHES + "h1");
        Path h2 = Jars.patch(dir.resolve("h2.jar"), "h2", deferred, PATCHES + "h2");
        Path h3 = Jars.patch(dir.resolve("h3.jar"), "h3", deferred, PATCHES + "h3");

        Run r = Run.java(jdk, "", app.toString(), APP + ".Main", targets.toString(), h1.toString(), h2.toString(),
                h3.toString(), String.valueOf(DRIVE_MILLIS)).exitsWith(0);
        r.out().forEach(l -> System.out.println(jdk + " " + l)); // the counts, in the test report

        assertEquals("hammer: inconsistent reads: 0 []", line(r, "hammer: inconsistent reads:"), r::toString);
        assertEquals("hammer: errors: 0 []", line(r, "hammer: errors:"), r::toString);
        assertTrue(line(r, "hammer: final: ").startsWith("hammer: final: consistent, "), r::toString);
        // It did hammer: reads during transitions, commands landing on running transitions, classes loading
        // between and during transitions.
        long[] status = numbers(line(r, "hammer: status reads "), 2);
        assertTrue(status[0] >= 200 && status[1] > 0, () -> "too few reads, or none during a transition:\n" + r);
        long[] commands = numbers(line(r, "hammer: commands "), 3);
        // A loaded machine runs fewer commands in the time given; a handful still exercises the lock rule.
        assertTrue(commands[0] >= 8 && commands[1] + commands[2] > 0, () -> "too few commands:\n" + r);
        long[] classes = numbers(line(r, "hammer: classes loaded "), 3);
        assertTrue(classes[1] > 0 && classes[2] > 0, () -> "classes loaded only at one time:\n" + r);
        // The agent logged nothing worse than the refusals of loads sent while a transition ran.
        assertEquals(0, r.lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .filter(l -> !l.matches(".* ERROR jlivepatch - failed to enable patch 'h\\d': patch 'h\\d' cannot be"
                        + " loaded now: .*")).count(), () -> "unexpected warnings or errors:\n" + r);
    }

    /** The first {@code n} numbers of a line. */
    private static long[] numbers(String line, int n) {
        Matcher m = Pattern.compile("\\d+").matcher(line);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            assertTrue(m.find(), line);
            out[i] = Long.parseLong(m.group());
        }
        return out;
    }
}
