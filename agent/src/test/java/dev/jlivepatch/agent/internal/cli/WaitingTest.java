package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Commands against transitions that take time, stall, or get reversed, through
 * a fake agent (the engine's transitions complete at once until the
 * consistency model lands): progress while waiting, the timeout's report with
 * the blockers and what to do, exit statuses, and the JSON of each outcome.
 */
class WaitingTest {
    static final long PID = 4242;
    static final BlockerInfo WORKER = new BlockerInfo("worker", 7, false, "com.example.Greeter.greet(Greeter.java:10)");
    static final BlockerInfo VIRTUAL = new BlockerInfo("", 31, true, "com.example.Greeter.greet(Greeter.java:12)");

    /** One in-process run of the command line against the fake. */
    record Result(int status, List<String> out, List<String> err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + String.join("\n", out) + "\n--- stderr\n"
                    + String.join("\n", err);
        }

        /** The one line of JSON on stdout. */
        String json() {
            assertEquals(1, out.size(), out::toString);
            return out.get(0);
        }

        boolean says(String fragment) {
            return out.stream().anyMatch(l -> l.contains(fragment));
        }
    }

    static Result run(FakeAgent agent, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Connector fake = (pid, load, options, o) -> new Connection(pid, agent, "test", false, null);
        int status = Commands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), fake);
        return new Result(status, lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream b) {
        String s = b.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void waitsPrintingProgressUntilTheTransitionCompletes() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.transitionMillis = 3500; // well after the first progress line (1 s), before the next (6 s)
        agent.blockers = List.of(WORKER, VIRTUAL);
        Result r = run(agent, "enable", "" + PID, "fix", "--timeout", "20s");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(), r.err());
        assertEquals(3, r.out().size(), r::toString);
        // The seconds depend on the machine's load: about 1.
        assertTrue(r.out().get(0).matches("waiting for the patching transition of 'fix' \\(\\ds\\): blocked by"
                + " thread 'worker' \\(id 7\\) in com\\.example\\.Greeter\\.greet\\(Greeter\\.java:10\\)"
                + " and 1 thread more"), r::toString);
        assertEquals(List.of(
                "patch 'fix' enabled: patching complete",
                "    com.example.Greeter (loader app): greet(java.lang.String)"), r.out().subList(1, 3));
    }

    @Test
    void timeoutPrintsTheBlockersAndWhatToDoAndExits3() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.transitionMillis = FakeAgent.NEVER;
        agent.blockers = List.of(WORKER, VIRTUAL);
        Result r = run(agent, "enable", "" + PID, "fix", "--timeout", "2s");
        assertEquals(3, r.status(), r::toString);
        assertEquals(List.of("jlivepatch: the patching transition of 'fix' did not complete within 2s, blocked by"
                + " 2 threads; it keeps running: 'disable' reverses it, 'force' completes it"), r.err());
        assertTrue(r.out().containsAll(List.of(
                "the patching transition of 'fix' has not completed after 2s; 2 threads still run code it replaces:",
                "    thread 'worker' (id 7) in com.example.Greeter.greet(Greeter.java:10)",
                "    thread '' (id 31, virtual) in com.example.Greeter.greet(Greeter.java:12)",
                "    java -jar jlivepatch.jar status 4242        shows where it stands",
                "    java -jar jlivepatch.jar disable 4242 fix   reverses it (back to the original code)",
                "    java -jar jlivepatch.jar force 4242 fix     completes it without the consistency check (unsafe)")),
                r::toString);
    }

    @Test
    void timeoutOfAnUnpatchingTransitionSaysEnableReversesIt() {
        FakeAgent agent = new FakeAgent().with("fix", true);
        agent.transitionMillis = FakeAgent.NEVER;
        agent.blockers = List.of(WORKER);
        Result r = run(agent, "disable", "" + PID, "fix", "--timeout", "1s");
        assertEquals(3, r.status(), r::toString);
        assertTrue(r.says("    java -jar jlivepatch.jar enable 4242 fix   reverses it (back to the patched code)"),
                r::toString);
        assertEquals(List.of("jlivepatch: the unpatching transition of 'fix' did not complete within 1s, blocked by"
                + " 1 thread; it keeps running: 'enable' reverses it, 'force' completes it"), r.err());
    }

    @Test
    void timeoutInJson() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.transitionMillis = FakeAgent.NEVER;
        agent.blockers = List.of(WORKER);
        Result r = run(agent, "enable", "" + PID, "fix", "--timeout", "1s", "--json");
        assertEquals(3, r.status());
        String reason = "the patching transition of 'fix' did not complete within 1s, blocked by 1 thread; it keeps"
                + " running: 'disable' reverses it, 'force' completes it";
        assertEquals("{\"command\":\"enable\",\"pid\":4242,\"id\":\"fix\",\"attached\":false,\"agentVersion\":\"test\","
                + "\"result\":\"timeout\",\"patch\":{\"id\":\"fix\",\"description\":null,\"enabled\":true,"
                + "\"transition\":\"patching\",\"forced\":false,\"replace\":false,\"stackOrder\":1,"
                + "\"targets\":[{\"class\":\"com.example.Greeter\",\"loaded\":true,\"loader\":\"app\","
                + "\"methods\":[\"greet(Ljava/lang/String;)Ljava/lang/String;\"],\"patched\":true,\"refusal\":null}]},"
                + "\"blockers\":[{\"thread\":\"worker\",\"threadId\":7,\"virtual\":false,"
                + "\"frame\":\"com.example.Greeter.greet(Greeter.java:10)\"}],\"notices\":[],"
                + "\"error\":\"" + reason + "\"}", r.json());
        assertEquals(List.of("jlivepatch: " + reason), r.err());
    }

    @Test
    void aTransitionReversedMeanwhileIsAFailure() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.transitionMillis = 300;
        agent.reverse = true;
        Result r = run(agent, "enable", "" + PID, "fix", "--json");
        assertEquals(1, r.status());
        assertTrue(r.json().contains("\"result\":\"reversed\",\"patch\":{\"id\":\"fix\",\"description\":null,"
                + "\"enabled\":false,\"transition\":\"none\""), r::toString);
        assertEquals(List.of("jlivepatch: the patching transition of 'fix' was reversed (by another request"
                + " meanwhile): patch 'fix' is disabled"), r.err());
    }

    @Test
    void noWaitReturnsWhileTheTransitionRuns() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.transitionMillis = FakeAgent.NEVER;
        Result r = run(agent, "enable", "" + PID, "fix", "--no-wait");
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of("the patching transition of 'fix' is running; follow it with"
                + " 'java -jar jlivepatch.jar status 4242'"), r.out());
        FakeAgent other = new FakeAgent().with("fix", true);
        other.transitionMillis = FakeAgent.NEVER;
        assertTrue(run(other, "disable", "" + PID, "fix", "--no-wait", "--json").json()
                .contains("\"result\":\"running\""));
    }

    @Test
    void statusShowsTheRunningTransitionAndItsBlockers() {
        FakeAgent agent = new FakeAgent().with("base", true).with("fix", false).stalled("fix", "patching", WORKER,
                VIRTUAL);
        Result r = run(agent, "status", "" + PID);
        assertEquals(0, r.status(), r::toString);
        assertEquals(List.of(
                "JVM 4242: jlivepatch test, 2 patches (bottom of the stack first)",
                "patch 'base': enabled",
                "    com.example.Greeter (loader app): greet(java.lang.String)",
                "patch 'fix': enabled, in patching transition",
                "    com.example.Greeter (loader app): greet(java.lang.String)",
                "the patching transition of 'fix' is running, blocked by 2 threads:",
                "    thread 'worker' (id 7) in com.example.Greeter.greet(Greeter.java:10)",
                "    thread '' (id 31, virtual) in com.example.Greeter.greet(Greeter.java:12)"), r.out());
        String json = run(agent, "status", "" + PID, "--json").json();
        assertTrue(json.endsWith(",\"transition\":{\"patch\":\"fix\",\"state\":\"patching\",\"blockers\":["
                + "{\"thread\":\"worker\",\"threadId\":7,\"virtual\":false,"
                + "\"frame\":\"com.example.Greeter.greet(Greeter.java:10)\"},"
                + "{\"thread\":\"\",\"threadId\":31,\"virtual\":true,"
                + "\"frame\":\"com.example.Greeter.greet(Greeter.java:12)\"}]},\"lastTransition\":null,"
                + "\"calls\":null,\"error\":null}"), json);
    }

    @Test
    void forceCompletesAStalledTransition() {
        FakeAgent agent = new FakeAgent().with("fix", false).stalled("fix", "patching", WORKER);
        Result r = run(agent, "force", "" + PID, "fix", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.json().contains("\"result\":\"complete\",\"patch\":{\"id\":\"fix\",\"description\":null,"
                + "\"enabled\":true,\"transition\":\"none\",\"forced\":true,"), r::toString);
        Result human = run(new FakeAgent().with("fix", false).stalled("fix", "patching", WORKER), "force", "" + PID,
                "fix");
        assertEquals(List.of("forced the patching transition of 'fix' (without the consistency check)",
                "patch 'fix' enabled: patching complete",
                "    com.example.Greeter (loader app): greet(java.lang.String)"), human.out());
    }
}
