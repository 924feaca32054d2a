package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.manage.CheckInfo;
import dev.jlivepatch.agent.internal.manage.DryRunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of {@code load --dry-run} and {@code status --calls}
 * against a fake agent: the lines, the JSON keys, the exit statuses, and the
 * flags refused where they mean nothing.
 */
class OperatorTest {
    static final String PID = "" + WaitingTest.PID;

    @TempDir
    Path tmp;

    @Test
    void dryRunReportsAndChangesNothing() throws Exception {
        Path jar = Files.createFile(tmp.resolve("fix.jar"));
        FakeAgent agent = new FakeAgent();
        WaitingTest.Result r = WaitingTest.run(agent, "load", PID, jar.toString(), "--dry-run");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(
                "dry run of patch 'fix' (a fix) from " + jar + " in JVM " + PID + ": nothing was changed",
                "    check jar: passed - fine",
                "    check targets: passed - 1 linked",
                "it would patch:",
                "    com.example.Greeter (loader app): greet(java.lang.String)",
                "its patching transition would wait now for 1 thread:",
                "    thread 'worker' (id 7) in com.example.Greeter.greet(Greeter.java:3)",
                "note: not run: a callback",
                "every check passed: 'java -jar jlivepatch.jar load " + PID + " " + jar + "' would enable patch 'fix'"),
                r.out());
        assertEquals(List.of(jar.toString()), agent.dryRuns);
        assertEquals(List.of(), agent.loads, "nothing was loaded");

        String json = WaitingTest.run(agent, "load", PID, jar.toString(), "--dry-run", "--json").json();
        assertTrue(json.startsWith("{\"command\":\"load\",\"pid\":" + PID + ",\"id\":\"fix\",\"attached\":false,"
                + "\"agentVersion\":\"test\",\"result\":\"dry-run\",\"patch\":null,\"blockers\":[{\"thread\":\"worker\","
                + "\"threadId\":7,\"virtual\":false,\"frame\":\"com.example.Greeter.greet(Greeter.java:3)\"}],"
                + "\"notices\":[],\"dryRun\":{\"description\":\"a fix\",\"replace\":false,\"replaces\":[],"
                + "\"targets\":[{\"class\":\"com.example.Greeter\",\"loaded\":true,\"loader\":\"app\",\"methods\":"
                + "[\"greet(Ljava/lang/String;)Ljava/lang/String;\"]}],\"checks\":[{\"name\":\"jar\",\"passed\":true,"
                + "\"detail\":\"fine\"},"), json);
        assertTrue(json.endsWith(",\"notes\":[\"not run: a callback\"],\"refusal\":null},\"error\":null}"), json);

        // A failed check: status 1, the refusal on stderr, the report on stdout.
        agent.dryRunReport = new DryRunInfo("fix", null, false, List.of(), List.of(),
                List.of(new CheckInfo("jar", true, "fine"), new CheckInfo("targets", false, "patch 'fix': no target")),
                List.of(), List.of(), "patch 'fix': no target");
        WaitingTest.Result bad = WaitingTest.run(agent, "load", PID, jar.toString(), "--dry-run");
        assertEquals(Failure.FAILED, bad.status(), bad::toString);
        assertEquals(List.of("jlivepatch: patch 'fix': no target"), bad.err());
        assertTrue(bad.says("    check targets: FAILED - patch 'fix': no target"), bad::toString);
        assertTrue(bad.says("a check failed: 'java -jar jlivepatch.jar load' would refuse the patch"), bad::toString);
    }

    @Test
    void statusCountsCallsInAWindow() {
        FakeAgent agent = new FakeAgent().with("fix", true);
        WaitingTest.Result r = WaitingTest.run(agent, "status", PID, "--calls", "300ms");
        assertEquals(0, r.status(), r::toString);
        assertEquals(300, agent.countedFor);
        assertTrue(r.says("counting the calls of every replacement for 300ms ..."), r::toString);
        assertTrue(r.says("calls in 300ms, per replacement:"), r::toString);
        assertTrue(r.says("    'fix' com.example.Greeter (loader app) greet(java.lang.String): 42"), r::toString);

        agent.counting = false;
        String json = WaitingTest.run(agent, "status", PID, "--calls=1", "--json").json();
        assertTrue(json.endsWith(",\"transition\":null,\"lastTransition\":null,\"calls\":{\"millis\":1000,\"replacements\":[{\"patch\":\"fix\","
                + "\"class\":\"com.example.Greeter\",\"loader\":\"app\",\"method\":"
                + "\"greet(Ljava/lang/String;)Ljava/lang/String;\",\"calls\":42}]},\"error\":null}"), json);
        String plain = WaitingTest.run(agent, "status", PID, "--json").json();
        assertTrue(plain.endsWith(",\"transition\":null,\"lastTransition\":null,\"calls\":null,\"error\":null}"),
                plain);
    }

    @Test
    void flagsWhereTheyMeanNothing() throws Failure {
        assertEquals(Duration.ofHours(1), Args.parse(new String[] {"status", "1", "--calls", "1h"}).calls());
        assertTrue(Args.parse(new String[] {"load", "1", "x.jar", "--dry-run"}).dryRun());
        assertFalse(Args.parse(new String[] {"load", "1", "x.jar"}).dryRun());
        for (String[] line : List.of(
                new String[] {"enable", PID, "fix", "--dry-run"},
                new String[] {"status", PID, "--dry-run"},
                new String[] {"load", PID, "x.jar", "--dry-run", "--no-wait"},
                new String[] {"load", PID, "x.jar", "--dry-run", "--timeout", "3"},
                new String[] {"load", PID, "x.jar", "--calls", "3"},
                new String[] {"status", PID, "--calls", "0"},
                new String[] {"status", PID, "--calls", "soon"},
                new String[] {"status", PID, "--calls"})) {
            WaitingTest.Result r = WaitingTest.run(new FakeAgent(), line);
            assertEquals(Failure.USAGE, r.status(), r::toString);
        }
        assertEquals(List.of("jlivepatch: --calls 'soon' is not a duration: give seconds (60) or 500ms, 30s, 2m, 1h"),
                WaitingTest.run(new FakeAgent(), "status", PID, "--calls", "soon").err());
        assertEquals(List.of("jlivepatch: --calls must be more than 0"),
                WaitingTest.run(new FakeAgent(), "status", PID, "--calls", "0").err());
        assertEquals(List.of("jlivepatch: --dry-run applies only to 'load' (it reports what the load would do)"),
                WaitingTest.run(new FakeAgent(), "status", PID, "--dry-run").err());
    }
}
