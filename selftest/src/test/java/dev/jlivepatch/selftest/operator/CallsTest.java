package dev.jlivepatch.selftest.operator;

import static dev.jlivepatch.selftest.attach.Fixtures.GREETER;
import static dev.jlivepatch.selftest.attach.Fixtures.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Fixtures;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof that the fix runs: {@code status --calls DURATION} counts the calls of
 * every replacement in the window, exactly (the application makes a known
 * number of calls while it runs); the agent switches counting off by itself
 * when the window ends, after which nothing counts; the MBean's {@code Calls}
 * attribute, read as a JMX client reads it, shows the same counts.
 */
class CallsTest {
    static final String GREET = "greet(Ljava/lang/String;)Ljava/lang/String;";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void countsTheCallsOfEachReplacementInAWindow(Jdk jdk) throws Exception {
        Path dir = Run.workDir("operator-calls-" + jdk);
        Path v2 = Fixtures.v2(dir);
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            long pid = t.pid();
            CliRun.run(jdk, "load", pid, v2).ok();
            assertEquals(V2, t.ask("call")); // not counted: nobody asked yet
            assertEquals("counting=false v2 " + GREET + "=0 v2 twice(I)I=0", t.ask("mbean-calls"));

            CompletableFuture<CliRun> counting = CompletableFuture.supplyAsync(() -> {
                try {
                    return CliRun.run(jdk, "status", pid, "--calls", "6s", "--json");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!t.printed("counting the calls of every replacement for 6000 ms")) {
                assertTrue(System.nanoTime() < deadline, t::output);
                Thread.sleep(10);
            }
            t.ask("greet 5"); // five calls of greet
            assertEquals(V2, t.ask("call"));
            assertTrue(t.ask("mbean-calls").startsWith("counting=true "), "the MBean sees the window");
            Map<String, Object> status = counting.get(60, TimeUnit.SECONDS).ok().json();
            assertEquals(List.of("command", "pid", "agent", "agentVersion", "patches", "transition", "lastTransition",
                    "calls", "error"), List.copyOf(status.keySet()));
            Map<?, ?> calls = (Map<?, ?>) status.get("calls");
            assertEquals(6000L, ((Number) calls.get("millis")).longValue());
            assertEquals(List.of(
                    Map.of("patch", "v2", "class", GREETER, "loader", "app", "method", GREET, "calls", 6L),
                    Map.of("patch", "v2", "class", GREETER, "loader", "app", "method", "twice(I)I", "calls", 1L)),
                    calls.get("replacements"));

            // The window is over: the agent has switched back by itself, and nothing counts.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!t.printed("stopped counting calls: the window ended")) {
                assertTrue(System.nanoTime() < deadline, t::output);
                Thread.sleep(10);
            }
            t.ask("greet 3");
            assertEquals("counting=false v2 " + GREET + "=6 v2 twice(I)I=1", t.ask("mbean-calls"));
            assertEquals(null, CliRun.run(jdk, "status", pid, "--json").ok().json().get("calls"));

            // For people; a window in which nothing calls the fix shows 0.
            CliRun.run(jdk, "status", pid, "--calls", "500ms").ok()
                    .says("counting the calls of every replacement for 500ms ...")
                    .says("patch 'v2': enabled")
                    .says("calls in 500ms, per replacement:")
                    .says("    'v2' " + GREETER + " (loader app) greet(java.lang.String): 0")
                    .says("    'v2' " + GREETER + " (loader app) twice(int): 0");
        }
    }
}
