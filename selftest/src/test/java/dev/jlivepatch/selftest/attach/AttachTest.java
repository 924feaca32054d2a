package dev.jlivepatch.selftest.attach;

import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static dev.jlivepatch.selftest.attach.Fixtures.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attach: {@code load} brings the agent into a JVM started without any flag,
 * {@code jvms} tells JVMs with and without it apart, a second attach reuses
 * the agent already there (one core, one MBean, one bootstrap runtime, its
 * patches kept), and on JDK 21+ the command line explains the JVM's warning
 * about a dynamically loaded agent exactly when the JVM prints it.
 */
class AttachTest {
    private static final String WARNING = "WARNING: A Java agent has been loaded dynamically";
    private static final String NOTE = "was not started with -XX:+EnableDynamicAgentLoading, so it prints a warning";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void loadsIntoAJvmStartedWithoutFlags(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-noflags-" + jdk);
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            assertEquals(ORIGINAL, t.ask("call"));
            assertEquals("null", t.ask("property"));
            Map<String, Object> before = jvm(CliRun.run(jdk, "jvms", "--json").ok().json(), t.pid());
            assertEquals(false, before.get("agent"), before::toString);
            assertEquals(String.valueOf(jdk.feature()), before.get("java"));
            assertEquals(Target.MAIN, before.get("main"));

            CliRun load = CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok()
                    .says("loaded the jlivepatch agent into JVM " + t.pid())
                    .says("loaded patch 'v1' from " + dir.resolve("v1.jar"))
                    .says("patch 'v1' enabled: patching complete")
                    .says("    " + Fixtures.GREETER + " (loader app): greet(java.lang.String)");
            assertEquals(V1, t.ask("call"));
            // The JVM prints its class-data-sharing warning where a jar is appended to the bootstrap class path.
            assertFalse(t.printed("Sharing is only supported"), t::output);
            assertFalse(t.printed("VM warning"), t::output);
            String version = t.ask("property");
            assertFalse(version.equals("null"), "the agent publishes jlivepatch.agent.version");

            Map<String, Object> after = jvm(CliRun.run(jdk, "jvms", "--json").ok().json(), t.pid());
            assertEquals(true, after.get("agent"), after::toString);
            assertEquals(version, after.get("agentVersion"));
            CliRun.run(jdk, "jvms").ok().says(String.format("%-8d %-5s %-16s %s", t.pid(), jdk.feature(), version,
                    Target.MAIN));

            // JDK 21+ warns about the dynamically loaded agent; the command line says so, and says why.
            boolean warns = jdk.feature() >= 21;
            assertEquals(warns, t.printed(WARNING), t::output);
            if (warns) {
                load.says("note: JVM " + t.pid() + " runs Java " + jdk.feature() + " and " + NOTE)
                        .says("a future JDK may refuse to load agents into a running JVM unless it is given");
            } else {
                load.neverSays("note:");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void secondAttachReusesTheAgentAndKeepsItsState(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-twice-" + jdk);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // Its own temporary directory: the agent must leave nothing there (it defines its runtime from memory).
        try (Target t = Target.start(jdk, Target.appJar(dir), "-Djava.io.tmpdir=" + tmp)) {
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok().says("loaded the jlivepatch agent into JVM");
            assertEquals(V1, t.ask("call"));

            // --options makes the command line load the agent a second time, to hand it the options.
            CliRun.run(jdk, "load", t.pid(), Fixtures.v2(dir), "--options", "probe=1").ok()
                    .says("jlivepatch is already loaded in JVM " + t.pid() + "; gave it the agent options again")
                    .says("patch 'v2' enabled: patching complete");
            assertTrue(t.printed("WARN jlivepatch - ignoring unknown agent option 'probe=1'"),
                    () -> "the second attach ran the agent's entry point:\n" + t.output());
            assertEquals(V2, t.ask("call"));
            assertEquals("1", t.ask("mbeans"), "one MBean");
            try (Stream<Path> files = Files.list(tmp)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.contains("jlivepatch"))
                        .toList(), "the bootstrap runtime is defined from memory: no file");
            }
            assertEquals("bootstrap", t.ask("runtime"), "one runtime, in the bootstrap loader, found by every loader");

            // One core: both patches on one stack, v1's state from the first attach intact.
            Map<String, Object> status = CliRun.run(jdk, "status", t.pid(), "--json").ok().json();
            List<?> patches = (List<?>) status.get("patches");
            assertEquals(List.of("v1", "v2"), patches.stream().map(p -> ((Map<?, ?>) p).get("id")).toList());
            assertTrue(patches.stream().allMatch(p -> Boolean.TRUE.equals(((Map<?, ?>) p).get("enabled"))),
                    status::toString);
            CliRun.run(jdk, "disable", t.pid(), "v2").ok();
            assertEquals(V1, t.ask("call"), "disabling v2 falls back to v1 on the same func stack");

            // And a plain load into the JVM with the agent attaches nothing.
            CliRun.run(jdk, "remove", t.pid(), "v2").ok();
            CliRun.run(jdk, "load", t.pid(), Fixtures.v2(dir)).ok()
                    .says("jlivepatch " + t.ask("property") + " is already loaded in JVM " + t.pid())
                    .neverSays("loaded the jlivepatch agent");
            assertEquals(V2, t.ask("call"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void dynamicLoadingFlagOnJdk21AndLater(Jdk jdk) throws Exception {
        Assumptions.assumeTrue(jdk.feature() >= 21, () -> {
            String why = "SKIPPED on " + jdk + ": -XX:[+-]EnableDynamicAgentLoading exists from JDK 21 on";
            System.out.println(why);
            return why;
        });
        Path dir = Run.workDir("attach-dynamic-" + jdk);
        Path app = Target.appJar(dir);
        try (Target t = Target.start(jdk, app, "-XX:+EnableDynamicAgentLoading")) {
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok().neverSays("note:");
            assertEquals(V1, t.ask("call"));
            assertFalse(t.printed(WARNING), t::output);
        }
        try (Target t = Target.start(jdk, app, "-XX:-EnableDynamicAgentLoading")) {
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).fails(1, "JVM " + t.pid() + " was started with"
                    + " -XX:-EnableDynamicAgentLoading and refuses agents while it runs: restart it with"
                    + " -XX:+EnableDynamicAgentLoading, or with -javaagent:jlivepatch.jar to patch it from startup");
            assertEquals(ORIGINAL, t.ask("call"));
            assertEquals("null", t.ask("property"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void loadsIntoAJvmThatLeavesSigquitAlone(Jdk jdk) throws Exception {
        Path dir = Run.workDir("attach-xrs-" + jdk);
        // -Xrs: no SIGQUIT handler, but the attach listener runs from the start; the pid check must accept it.
        try (Target t = Target.start(jdk, Target.appJar(dir), "-Xrs")) {
            CliRun.run(jdk, "load", t.pid(), Fixtures.v1(dir)).ok().says("patch 'v1' enabled: patching complete");
            assertEquals(V1, t.ask("call"));
        }
    }

    /** The row of {@code jvms --json} for one pid. */
    static Map<String, Object> jvm(Map<String, Object> jvms, long pid) {
        for (Object o : (List<?>) jvms.get("jvms")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) o;
            if (Long.valueOf(pid).equals(row.get("pid"))) {
                assertEquals(List.of("pid", "main", "java", "agent", "agentVersion", "error"), List.copyOf(row.keySet()));
                return row;
            }
        }
        throw new AssertionError("jvms does not list " + pid + ": " + jvms);
    }
}
