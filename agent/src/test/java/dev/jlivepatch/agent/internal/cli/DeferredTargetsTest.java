package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load --deferred-targets}: parsed anywhere on the line, refused on
 * every other command (status 2), and turned into the MBean's
 * {@code load(path, true)}; without it, {@code load} calls the one-argument
 * operation, which agents older than the flag also have.
 */
class DeferredTargetsTest {
    static final String PID = "" + WaitingTest.PID;

    @TempDir
    Path tmp;

    @Test
    void parsedAnywhereOnTheLine() throws Failure {
        Args a = Args.parse(new String[] {"--deferred-targets", "load", "12", "fix.jar"});
        assertTrue(a.deferredTargets());
        assertEquals(List.of("12", "fix.jar"), a.operands());
        a.allow(true, true);
        assertTrue(Args.parse(new String[] {"load", "12", "fix.jar", "--deferred-targets"}).deferredTargets());
        assertFalse(Args.parse(new String[] {"load", "12", "fix.jar"}).deferredTargets());
        assertEquals("option '--deferred-targets' takes no value", assertThrows(Failure.class,
                () -> Args.parse(new String[] {"load", "12", "fix.jar", "--deferred-targets=yes"})).getMessage());
    }

    @Test
    void refusedOnEveryOtherCommand() {
        String reason = "jlivepatch: --deferred-targets applies only to 'load' (it accepts targets that no class"
                + " loader can find yet)";
        for (String[] line : List.of(
                new String[] {"enable", PID, "fix", "--deferred-targets"},
                new String[] {"disable", PID, "fix", "--deferred-targets"},
                new String[] {"remove", PID, "fix", "--deferred-targets"},
                new String[] {"force", PID, "fix", "--deferred-targets"},
                new String[] {"status", PID, "--deferred-targets"},
                new String[] {"jvms", "--deferred-targets"})) {
            FakeAgent agent = new FakeAgent().with("fix", false);
            WaitingTest.Result r = WaitingTest.run(agent, line);
            assertEquals(Failure.USAGE, r.status(), r::toString);
            assertEquals(List.of(reason), r.err(), r::toString);
            assertEquals("enabled=false", "enabled=" + agent.patches.get("fix").enabled, "nothing was asked");
        }
    }

    @Test
    void loadAsksTheAgentToDeferOnlyWithTheFlag() throws Exception {
        Path jar = Files.createFile(tmp.resolve("fix.jar"));
        FakeAgent agent = new FakeAgent();
        WaitingTest.Result r = WaitingTest.run(agent, "load", PID, jar.toString(), "--deferred-targets");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(
                "jlivepatch test is already loaded in JVM " + PID,
                "loaded patch 'fix' from " + jar + "; patching transition started",
                "patch 'fix' enabled: patching complete",
                "    com.example.Greeter (loader app): greet(java.lang.String)"), r.out());
        agent.patches.clear();
        assertEquals(0, WaitingTest.run(agent, "load", PID, jar.toString()).status());
        assertEquals(List.of(jar + " deferred", jar.toString()), agent.loads);
    }

    @Test
    void anAgentOlderThanTheFlagSaysSo() throws Exception {
        Path jar = Files.createFile(tmp.resolve("fix.jar"));
        FakeAgent old = new FakeAgent();
        old.older = true;
        WaitingTest.Result r = WaitingTest.run(old, "load", PID, jar.toString(), "--deferred-targets");
        assertEquals(Failure.FAILED, r.status(), r::toString);
        assertEquals(List.of("jlivepatch: the agent in JVM " + PID + " (jlivepatch test) is older than this command"
                + " line and cannot do this: no operation 'load' in this agent (version test)"), r.err());
    }
}
