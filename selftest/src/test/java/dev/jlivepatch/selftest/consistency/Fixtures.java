package dev.jlivepatch.selftest.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** The consistency scenarios' jars and runs, and checks on their output. */
final class Fixtures {
    static final String MAIN = "dev.jlivepatch.selftest.apps.consistency.Main";
    static final String APPS = "dev.jlivepatch.selftest.apps";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.consistency.";
    /** The frame a thread parked in {@code Pair.hold} is reported in, as the application shows blockers. */
    static final String HOLD = "dev.jlivepatch.selftest.apps.consistency.Pair.hold(...)";

    private Fixtures() {
    }

    /** The application jar. */
    static Path app(Path dir) throws IOException {
        return Jars.app(dir.resolve("app.jar"), APPS);
    }

    /** Patch {@code pair}: the new caller/callee pair, with the four callbacks. */
    static Path pair(Path dir) throws IOException {
        return Jars.patch(dir.resolve("pair.jar"), "pair", Map.of(), PATCHES + "pair");
    }

    /** Patch {@code other}: an unrelated target. */
    static Path other(Path dir) throws IOException {
        return Jars.patch(dir.resolve("other.jar"), "other", Map.of(), PATCHES + "other");
    }

    /** Runs the application with the agent (no option) and these JVM options; it must exit 0. */
    static Run run(Jdk jdk, List<String> jvmOptions, Path app, String... steps) throws Exception {
        return Run.javaWith(jdk, jvmOptions, "", app.toString(), MAIN, steps).exitsWith(0);
    }

    static Run run(Jdk jdk, Path app, String... steps) throws Exception {
        return run(jdk, List.of(), app, steps);
    }

    /** Skips the calling test, visibly, on a JDK without virtual threads. */
    static void assumeVirtualThreads(Jdk jdk) {
        jdk.java(); // skips where the JDK is absent
        Assumptions.assumeTrue(jdk.feature() >= 21, () -> {
            String why = "SKIPPED on " + jdk + ": virtual threads need JDK 21 or later";
            System.out.println(why);
            return why;
        });
    }

    /** How many lines of the whole output contain the text. */
    static long count(Run run, String text) {
        return run.lines.stream().filter(l -> l.contains(text)).count();
    }

    /** The one {@code OUT} line that starts with the prefix. */
    static String line(Run run, String prefix) {
        List<String> found = run.out().stream().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, found.size(), () -> "lines starting '" + prefix + "'; output:\n" + run);
        return found.get(0);
    }

    /** The number at the end of the one {@code OUT} line that starts with the prefix. */
    static long number(Run run, String prefix) {
        String l = line(run, prefix);
        return Long.parseLong(l.substring(prefix.length()).trim());
    }

    /** The {@code OUT} line {@code after} comes after the line {@code before}, each present once. */
    static void ordered(Run run, String before, String after) {
        List<String> out = run.out();
        int b = out.indexOf(before);
        int a = out.indexOf(after);
        assertTrue(b >= 0 && a > b && out.lastIndexOf(before) == b && out.lastIndexOf(after) == a,
                () -> "expected '" + before + "' once, then '" + after + "' once; output:\n" + run);
    }
}
