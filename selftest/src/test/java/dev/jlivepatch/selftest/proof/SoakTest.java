package dev.jlivepatch.selftest.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soak (issue 13, A4; {@code apps.proof.SoakMain}): a patch enabled and
 * disabled CYCLES times, then LOADERS class loaders each defining the target
 * (patched as it loads), calling it and dropped. Afterwards metaspace, the heap
 * after garbage collection, live threads and open files are back at their
 * level after the warm-up: each phase (the cycles, the loaders) grows metaspace
 * by at most 512 KB and the heap by at most 1 MB (a class or a kilobyte kept per
 * cycle or loader would be several times that), no more threads than at the
 * start, at most one more open file; every answer was right, every dropped
 * loader's copy of the target was reported unloaded, and the agent's status
 * lists only the copy still loaded.
 *
 * <p>CI runs 300 cycles and 1,000 loaders per JDK; the 1,000 cycles, or
 * more, by hand: {@code -Djlivepatch.proof.soak.cycles=1000 -Djlivepatch.proof.soak.loaders=1000}
 * (figures in docs/production.md). The JVM's loaded-class count is printed
 * but not checked: it counts every retransformation as a class loaded and
 * none as unloaded, two a cycle, while metaspace stays flat.
 */
class SoakTest {
    private static final long METASPACE_SLACK = 512 << 10;
    private static final long HEAP_SLACK = 1 << 20;
    private static final Pattern RESOURCES = Pattern.compile(
            "metaspace=(\\d+)KB classSpace=(\\d+)KB heap=(\\d+)KB classes=(\\d+) threads=(\\d+) fds=(\\d+)");

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void resourcesReturnToTheirLevelAfterCyclesAndLoaders(Jdk jdk) throws Exception {
        int cycles = Integer.getInteger("jlivepatch.proof.soak.cycles", 300);
        int loaders = Integer.getInteger("jlivepatch.proof.soak.loaders", 1000);
        Path dir = Run.workDir("proof-soak-" + jdk);
        Path app = Jars.app(dir.resolve("app.jar"), "dev.jlivepatch.selftest.apps");
        Path targets = Jars.app(dir.resolve("targets.jar"), "dev.jlivepatch.selftest.soaktarget");
        Path patch = Jars.patch(dir.resolve("soak.jar"), "soak", Map.of(), "dev.jlivepatch.selftest.patches.proof.soak");
        Run r = Run.java(jdk, "", app.toString(), "dev.jlivepatch.selftest.apps.proof.SoakMain", targets.toString(),
                patch.toString(), String.valueOf(cycles), String.valueOf(loaders)).exitsWith(0);
        List<String> out = r.out();
        out.forEach(l -> System.out.println(jdk + " soak " + l)); // the figures, in the test report

        assertEquals("warm-up: wrong answers 0", out.get(0), r::toString);
        assertTrue(line(out, "cycles: ").endsWith("wrong answers 0"), r::toString);
        assertTrue(line(out, "loaders: ").endsWith("wrong answers 0"), r::toString);
        long[] start = numbers(line(out, "start: "));
        long[] before = start;
        for (String after : new String[] {"after cycles: ", "after loaders: "}) {
            long[] now = numbers(line(out, after));
            String what = jdk + " " + after + " against the phase's start:\n" + String.join("\n", out);
            // Memory per phase: each phase alone would show a class kept per cycle or loader many times over.
            assertTrue(now[0] <= before[0] + METASPACE_SLACK / 1024, "metaspace, " + what);
            assertTrue(now[2] <= before[2] + HEAP_SLACK / 1024, "heap, " + what);
            assertTrue(now[4] <= start[4], "threads, " + what);
            assertTrue(now[5] <= start[5] + 1, "open files, " + what);
            before = now;
        }
        // The agent holds no dropped loader's copy: each was reported unloaded, and the status lists the live one.
        assertEquals("targets listed: 1", line(out, "targets listed: "), r::toString);
        long reverted = r.lines.stream().filter(l -> l.contains("reverting patch 'soak' on unloading class")).count();
        assertTrue(reverted >= loaders, () -> reverted + " copies reported unloaded, of " + loaders + " dropped");
        assertEquals("end: hello bob, patches none", out.get(out.size() - 1), r::toString);
    }

    private static String line(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + prefix + " in " + out));
    }

    /** metaspace KB, class space KB, heap KB, classes, threads, open files. */
    private static long[] numbers(String line) {
        Matcher m = RESOURCES.matcher(line);
        assertTrue(m.find(), line);
        long[] out = new long[6];
        for (int i = 0; i < 6; i++) {
            out[i] = Long.parseLong(m.group(i + 1));
        }
        return out;
    }
}
