package dev.jlivepatch.selftest.operator;

import static dev.jlivepatch.selftest.attach.Fixtures.GREETER;
import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Fixtures;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code load --dry-run} against a running JVM: it reports the classes the
 * patch would change per class loader and their methods, every check and its
 * outcome, and the threads that would block its transition now; it refuses
 * as a load would; and it changes nothing. The proof: the class files of the
 * targets as the JVM has them (read by a test agent after every transformer),
 * {@code status --json}, the answers of the application and the agent's log
 * are the same before and after each dry run.
 */
class DryRunTest {
    static final String GREET = "greet(Ljava/lang/String;)Ljava/lang/String;";
    static final String GATE = "dev.jlivepatch.selftest.attach.app.Gate";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void reportsAndChangesNothing(Jdk jdk) throws Exception {
        Path dir = Run.workDir("operator-dry-run-" + jdk);
        Path v1 = Fixtures.v1(dir);
        Path v2 = Fixtures.v2(dir);
        Path gate = Jars.patch(dir.resolve("gate.jar"), "gate", Map.of(), "dev.jlivepatch.selftest.attach.patch");
        Path app = Target.appJar(dir);
        try (Target t = Target.start(jdk, app)) {
            // Without the agent: the dry run loads it (which changes no class) and says so.
            long pid = t.pid();
            Map<String, Object> first = CliRun.run(jdk, "load", pid, v1, "--dry-run", "--json").ok().json();
            assertEquals(List.of("command", "pid", "id", "attached", "agentVersion", "result", "patch", "blockers",
                    "notices", "dryRun", "error"), List.copyOf(first.keySet()));
            assertEquals("v1", first.get("id"));
            assertEquals(true, first.get("attached"));
            assertEquals("dry-run", first.get("result"));
            assertNull(first.get("patch"));
            assertEquals(List.of(), first.get("blockers"));
            Map<?, ?> report = (Map<?, ?>) first.get("dryRun");
            assertEquals(List.of("description", "replace", "replaces", "targets", "checks", "notes", "refusal"),
                    List.copyOf(report.keySet()));
            assertEquals("greets as v1", report.get("description"));
            assertEquals(List.of(Map.of("class", GREETER, "loaded", true, "loader", "app", "methods", List.of(GREET))),
                    report.get("targets"));
            assertEquals(List.of("jar", "transition", "states", "targets"), names(report));
            assertTrue(((List<?>) report.get("checks")).stream().allMatch(c -> Boolean.TRUE.equals(
                    ((Map<?, ?>) c).get("passed"))), report::toString);
            assertNull(report.get("refusal"));
            assertTrue(((List<?>) first.get("notices")).stream().anyMatch(n -> n.toString().startsWith(
                    "jlivepatch was loaded into JVM " + pid + " to check the patch")), first::toString);
            assertEquals(ORIGINAL, t.ask("call"));
            assertEquals(List.of(), CliRun.run(jdk, "status", pid, "--json").ok().json().get("patches"));
        }
        // The probe reads class bytes after every transformer of an agent started before it: jlivepatch's too.
        try (Target t = Target.start(jdk, app, "-javaagent:" + Run.AGENT, Probe.agent(dir))) {
            long pid = t.pid();
            String original = t.ask("bytes");

            // With a patch loaded and a thread inside a method of another patch's.
            CliRun.run(jdk, "load", pid, v1).ok();
            String patched = t.ask("bytes");
            assertNotEquals(original.split(" ")[0], patched.split(" ")[0], "the probe sees the stubs");
            String holder = t.ask("hold");
            Map<String, Object> before = status(jdk, pid);
            int logLines = t.output().split("\n").length;

            CliRun dry = CliRun.run(jdk, "load", pid, gate, "--dry-run").ok()
                    .says("dry run of patch 'gate' from " + gate + " in JVM " + pid + ": nothing was changed")
                    .says("    check jar: passed - ")
                    .says("    check transition: passed - no transition runs now")
                    .says("    check targets: passed - 1 loaded target class(es) linked")
                    .says("    " + GATE + " (loader app): pass()")
                    .says("its patching transition would wait now for 1 thread:")
                    .says("    thread 'holder' (id " + holder + ") in ")
                    .says(GATE + ".pass(Gate.java:")
                    .says("every check passed: 'java -jar jlivepatch.jar load " + pid + " " + gate
                            + "' would enable patch 'gate'");
            Map<String, Object> v2dry = CliRun.run(jdk, "load", pid, v2, "--dry-run", "--json").ok().json();
            Map<?, ?> v2report = (Map<?, ?>) v2dry.get("dryRun");
            assertEquals(List.of(Map.of("class", GREETER, "loaded", true, "loader", "app", "methods",
                    List.of(GREET, "twice(I)I"))), v2report.get("targets"), v2report::toString);
            assertEquals(List.of(), v2dry.get("blockers"), "no thread runs greet or twice now");

            assertEquals(patched, t.ask("bytes"), "no class changed: " + dry);
            assertEquals(before, status(jdk, pid), "status is the same");
            assertEquals(V1, t.ask("call"));
            List<String> log = List.of(t.output().split("\n")).subList(logLines, t.output().split("\n").length);
            assertTrue(log.stream().noneMatch(l -> l.contains("jlivepatch - ")), () -> "the agent logged: " + log);

            // A refusal is the load's own, with status 1; the report still lists every check.
            CliRun stalled = CliRun.run(jdk, "load", pid, gate, "--no-wait").ok();
            Map<String, Object> busy = CliRun.run(jdk, "load", pid, v2, "--dry-run", "--json")
                    .failsWith(1, "patch 'v2' cannot be loaded now: patch 'gate' is in its patching transition").json();
            Map<?, ?> busyReport = (Map<?, ?>) busy.get("dryRun");
            assertEquals(List.of(true, false, true, true), ((List<?>) busyReport.get("checks")).stream()
                    .map(c -> ((Map<?, ?>) c).get("passed")).toList(), busyReport::toString);
            assertEquals(busy.get("error"), busyReport.get("refusal"));
            String refusal = CliRun.run(jdk, "load", pid, v2).failsWith(1, "cannot be loaded now").err.get(0);
            assertEquals("jlivepatch: " + busy.get("error"), refusal, "the same reason as a load's");
            CliRun.run(jdk, "disable", pid, "gate").ok();
            assertFalse(stalled.out.isEmpty());

            Path text = Files.writeString(dir.resolve("text.jar"), "not a jar");
            CliRun.run(jdk, "load", pid, text, "--dry-run").fails(1, "text.jar: not a jar, or truncated: zip END"
                    + " header not found").says("    check jar: FAILED - text.jar: not a jar");
            assertEquals("gate original", t.ask("release"));
            assertEquals(V1, t.ask("call"));
        }
    }

    private static List<?> names(Map<?, ?> report) {
        return ((List<?>) report.get("checks")).stream().map(c -> ((Map<?, ?>) c).get("name")).toList();
    }

    private static Map<String, Object> status(Jdk jdk, long pid) throws Exception {
        return CliRun.run(jdk, "status", pid, "--json").ok().json();
    }
}
