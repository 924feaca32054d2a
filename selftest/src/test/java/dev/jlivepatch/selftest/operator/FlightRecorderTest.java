package dev.jlivepatch.selftest.operator;

import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Fixtures;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JDK Flight Recorder events: a JVM recording from its start is patched by
 * attach (a patch loaded, enabled, disabled, removed; a transition that a
 * thread stalls, then reversed), the recording is dumped at exit and read back
 * with {@code jdk.jfr.consumer} in a JVM of the same JDK: every event is
 * there, in order, with its fields, the stalled transition's duration and the
 * thread that blocked it. And a JVM without the {@code jdk.jfr} module runs
 * the agent and its patches as before.
 */
class FlightRecorderTest {
    static final Path TEST_CLASSES = Path.of(System.getProperty("jlivepatch.testClasses", "target/test-classes"))
            .toAbsolutePath();

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aRecordingShowsWhenTheCodeChanged(Jdk jdk) throws Exception {
        Path dir = Run.workDir("operator-jfr-" + jdk);
        Path v1 = Fixtures.v1(dir);
        Path gate = Jars.patch(dir.resolve("gate.jar"), "gate", Map.of(), "dev.jlivepatch.selftest.attach.patch");
        Path recording = dir.resolve("recording.jfr");
        String holder;
        try (Target t = Target.start(jdk, Target.appJar(dir), "-XX:StartFlightRecording=filename=" + recording
                + ",dumponexit=true")) {
            long pid = t.pid();
            CliRun.run(jdk, "load", pid, v1).ok();
            assertEquals(V1, t.ask("call"));
            holder = t.ask("hold");
            CliRun.run(jdk, "load", pid, gate, "--timeout", "2s").failsWith(3, "did not complete within 2s");
            CliRun.run(jdk, "disable", pid, "gate").ok();
            CliRun.run(jdk, "remove", pid, "gate").ok();
            CliRun.run(jdk, "disable", pid, "v1").ok();
            assertEquals(ORIGINAL, t.ask("call"));
            assertEquals("gate original", t.ask("release"));
        }
        assertTrue(Files.size(recording) > 0, "the recording was dumped at exit");
        List<String> events = Run.java(jdk, null, TEST_CLASSES.toString(), JfrEvents.class.getName(),
                recording.toString()).exitsWith(0).out();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(v1)));
        List<String> expected = List.of(
                "PatchLoaded patchId=v1 description=greets as v1 jar=" + v1 + " sha256=" + sha
                        + " replace=false stackOrder=1 replaces=",
                "TransitionStarted patchId=v1 kind=patching reversal=false replaces=",
                "TransitionCompleted patchId=v1 kind=patching reversed=false forced=false rounds=1"
                        + " blockingThreads=0 blockers=",
                "PatchEnabled patchId=v1 forced=false",
                "PatchLoaded patchId=gate description=null jar=" + gate + " sha256=",
                "TransitionStarted patchId=gate kind=patching reversal=false replaces=",
                "TransitionStarted patchId=gate kind=unpatching reversal=true replaces=",
                "TransitionCompleted patchId=gate kind=unpatching reversed=true forced=false rounds=",
                "PatchDisabled patchId=gate reason=reversed",
                "PatchRemoved patchId=gate reason=removed",
                "TransitionStarted patchId=v1 kind=unpatching reversal=false replaces=",
                "TransitionCompleted patchId=v1 kind=unpatching reversed=false forced=false rounds=1"
                        + " blockingThreads=0 blockers=",
                "PatchDisabled patchId=v1 reason=disabled");
        List<String> fields = new ArrayList<>();
        for (String e : events) {
            fields.add(e.replaceAll(" start=\\d+ duration=\\d+", ""));
        }
        assertEquals(expected.size(), fields.size(), () -> String.join("\n", events));
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = fields.get(i);
            assertTrue(got.startsWith(want), () -> "event " + want + "\nin\n" + String.join("\n", events));
        }
        // The stalled transition: it began with the load, lasted past the load's 2 s timeout, and names its blocker.
        String stalled = events.get(7);
        long duration = Long.parseLong(stalled.replaceAll(".* duration=(\\d+) .*", "$1"));
        assertTrue(duration >= 2000, stalled);
        assertTrue(Math.abs(start(events.get(5)) - start(stalled)) < 50, "the event spans the transition from its"
                + " start: " + events.get(5) + "\n" + stalled);
        assertTrue(stalled.contains(" blockingThreads=1 blockers=thread 'holder' (id " + holder + ") in "), stalled);
        assertTrue(stalled.contains("dev.jlivepatch.selftest.attach.app.Gate.pass("), stalled);
        for (int i = 1; i < events.size(); i++) {
            assertTrue(end(events.get(i - 1)) <= end(events.get(i)), "in time order");
        }
    }

    private static long end(String event) {
        return start(event) + Long.parseLong(event.replaceAll(".* duration=(\\d+) .*", "$1"));
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aJvmWithoutFlightRecorderRunsTheAgentAsBefore(Jdk jdk) throws Exception {
        Path dir = Run.workDir("operator-nojfr-" + jdk);
        Path v1 = Fixtures.v1(dir);
        Path app = Jars.app(dir.resolve("app.jar"), "dev.jlivepatch.selftest.apps");
        Run run = Run.javaWith(jdk, List.of("--limit-modules", "java.base,java.instrument,java.management"),
                "patch=" + v1, app.toString(), "dev.jlivepatch.selftest.apps.basic.Main", "call", "disable:v1", "call");
        run.exitsWith(0).expectLine("'v1': patching complete").expectLine("'v1': unpatching complete")
                .expectNoLine("Flight Recorder").expectNoLine("Exception");
        assertEquals(List.of(V1, "disable v1", ORIGINAL), run.out(), run::toString);
    }

    private static long start(String event) {
        return Long.parseLong(event.replaceAll(".* start=(\\d+) .*", "$1"));
    }
}
