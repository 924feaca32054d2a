package dev.jlivepatch.selftest.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jlivepatch next to other agents: the real JaCoCo agent (it instruments
 * classes as they load, with a transformer that cannot retransform), loaded
 * before jlivepatch and after it, and a ByteBuddy agent of the test's own (as
 * an APM agent: advice, installed by retransformation), attached after
 * jlivepatch has patched its class and retransforming it again later, or
 * started before. The patch applies and stays in force through the other
 * agent's retransformations, and disabling it leaves the other agent's
 * changes in place.
 *
 * <p>The patch, {@code agents-fix}: {@code Greeter.greet} checks and runs
 * what it replaced ({@code @Original}), {@code Greeter.version} is replaced.
 */
class OtherAgentsTest {
    static final String GREETER = "dev.jlivepatch.selftest.apps.worlds.agents.Greeter";
    static final String MAIN = "dev.jlivepatch.selftest.apps.worlds.agents.Server";
    static final String ID = "agents-fix";
    /** How often the other agent retransforms the patched class: once in CI, more by hand. */
    static final int ROUNDS = Integer.getInteger("jlivepatch.worlds.rounds", 1);

    /**
     * JaCoCo first ({@code -javaagent}, as a test or coverage run starts it),
     * jlivepatch by attach: the class JaCoCo instrumented is patched; while
     * patched, the replaced {@code version} records no probe and the original
     * {@code greet} that the patch runs records its own; disabling brings the
     * original code back with JaCoCo's probes in it, and JaCoCo still writes
     * its execution data at exit.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jacocoBeforeJlivepatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-jacoco-first-" + jdk);
        Path exec = dir.resolve("jacoco.exec");
        try (Target t = start(jdk, dir, List.of("-javaagent:" + Libs.jacocoAgent() + "=destfile=" + exec))) {
            t.ask("probes"); // reset: the constructor's probe (the third) ran at start-up
            assertEquals("Hello bob v0", t.ask("call"));
            assertEquals("2 of 3", t.ask("probes"), "JaCoCo records greet and version");

            CliRun.run(jdk, "load", t.pid(), patch(dir)).ok().says("patch '" + ID + "' enabled: patching complete");
            assertEquals("fixed(Hello bob) v1", t.ask("call"));
            assertEquals("1 of 3", t.ask("probes"), "greet's original body ran (its probe); version was replaced");
            Status.expect(Status.targets(jdk, t.pid(), ID), GREETER + " | app | true");

            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob v0", t.ask("call"));
            assertEquals("2 of 3", t.ask("probes"), "JaCoCo's probes are still in the original code");
            CliRun.run(jdk, "enable", t.pid(), ID).ok();
            // Loaded from the class path after JaCoCo started, the agent's own classes are instrumented too:
            // the enable ran some of their probes (JaCoCo lists only classes with a probe hit).
            assertFalse(t.ask("probes dev.jlivepatch.agent.internal.core.Livepatch").equals("none"));
            assertEquals("fixed(Hello bob) v1", t.ask("call"));
            assertEquals("1 of 3", t.ask("probes"));
            assertFalse(t.printed("Exception"), t::output);
        }
        assertTrue(Files.size(exec) > 0, "JaCoCo wrote its execution data at exit");
    }

    /**
     * jlivepatch first, with the patch given at startup, then JaCoCo: the
     * Greeter loads with JaCoCo's probes and is patched as it loads; disable
     * and enable by attach.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jacocoAfterJlivepatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-jacoco-after-" + jdk);
        Path exec = dir.resolve("jacoco.exec");
        try (Target t = start(jdk, dir, List.of("-javaagent:" + Run.AGENT + "=patch=" + patch(dir),
                "-javaagent:" + Libs.jacocoAgent() + "=destfile=" + exec))) {
            t.ask("probes");
            assertEquals("fixed(Hello bob) v1", t.ask("call"));
            assertEquals("1 of 3", t.ask("probes"));
            Status.expect(Status.targets(jdk, t.pid(), ID), GREETER + " | app | true");

            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob v0", t.ask("call"));
            assertEquals("2 of 3", t.ask("probes"));
            CliRun.run(jdk, "enable", t.pid(), ID).ok();
            assertEquals("fixed(Hello bob) v1", t.ask("call"));
            assertEquals("1 of 3", t.ask("probes"));
            assertFalse(t.printed("Exception"), t::output);
        }
        assertTrue(Files.size(exec) > 0, "JaCoCo wrote its execution data at exit");
    }

    /**
     * jlivepatch patches by attach, then the ByteBuddy agent is attached and
     * retransforms the patched class, and retransforms it again later: its
     * advice wraps the method, stub and replacement included, and the patch
     * stays in force. Disabling leaves the advice; enabling again restores
     * the patch under it.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void byteBuddyAgentRetransformsAfterJlivepatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-bytebuddy-after-" + jdk);
        try (Target t = start(jdk, dir, List.of())) {
            assertEquals("Hello bob v0", t.ask("call"));
            CliRun.run(jdk, "load", t.pid(), patch(dir)).ok().says("patch '" + ID + "' enabled: patching complete");
            assertEquals("fixed(Hello bob) v1", t.ask("call"));

            attach(t.pid(), byteBuddyAgent(dir));
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"), "the advice wraps the patched method");
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals("retransformed 1", t.ask("bb"));
                assertEquals("fixed(Hello bob) +bb v1", t.ask("call"), "a later retransformation keeps the patch");
            }
            Status.expect(Status.targets(jdk, t.pid(), ID), GREETER + " | app | true");

            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob +bb v0", t.ask("call"), "disabling leaves the advice in place");
            assertEquals("retransformed 1", t.ask("bb"));
            assertEquals("Hello bob +bb v0", t.ask("call"));
            CliRun.run(jdk, "enable", t.pid(), ID).ok();
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"));
            assertFalse(t.printed("Exception"), t::output);
        }
    }

    /**
     * The ByteBuddy agent first ({@code -javaagent}), jlivepatch by attach:
     * its transformer runs after the agent's, so the stub sits before the
     * advice and the patched {@code greet} returns without the advice's exit
     * code, while the original body it runs, taken from the class as the
     * agent left it, carries the advice. The agent retransforming later keeps
     * the patch; disabling leaves the advice.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void byteBuddyAgentBeforeJlivepatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-bytebuddy-first-" + jdk);
        try (Target t = start(jdk, dir, List.of("-javaagent:" + byteBuddyAgent(dir)))) {
            assertEquals("Hello bob +bb v0", t.ask("call"));
            CliRun.run(jdk, "load", t.pid(), patch(dir)).ok().says("patch '" + ID + "' enabled: patching complete");
            assertEquals("fixed(Hello bob +bb) v1", t.ask("call"));
            assertEquals("retransformed 1", t.ask("bb"));
            assertEquals("fixed(Hello bob +bb) v1", t.ask("call"));
            Status.expect(Status.targets(jdk, t.pid(), ID), GREETER + " | app | true");

            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob +bb v0", t.ask("call"));
            assertEquals("retransformed 1", t.ask("bb"));
            assertEquals("Hello bob +bb v0", t.ask("call"));
            assertFalse(t.printed("Exception"), t::output);
        }
    }

    /**
     * jlivepatch's agent started first with no patch ({@code -javaagent}, before
     * the ByteBuddy agent's): its transformer runs first, so a patch loaded
     * later by attach lies under the other agent's advice, as when that agent
     * is attached after it. What to do where the advice must see patched calls.
     * The same with the patch given at startup, the class patched as it loads.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jlivepatchAgentStartedBeforeTheByteBuddyAgent(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-bytebuddy-second-" + jdk);
        try (Target t = start(jdk, dir, List.of("-javaagent:" + Run.AGENT, "-javaagent:" + byteBuddyAgent(dir)))) {
            assertEquals("Hello bob +bb v0", t.ask("call"), "no patch: jlivepatch changes no byte");
            CliRun.run(jdk, "load", t.pid(), patch(dir)).ok().says("patch '" + ID + "' enabled: patching complete");
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"), "the advice wraps the patched method");
            assertEquals("retransformed 1", t.ask("bb"));
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"));
            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob +bb v0", t.ask("call"));
            assertFalse(t.printed("Exception"), t::output);
        }
        // The same with the patch given at startup: the Greeter is patched as it loads, then advised.
        try (Target t = start(jdk, dir, List.of("-javaagent:" + Run.AGENT + "=patch=" + patch(dir),
                "-javaagent:" + byteBuddyAgent(dir)))) {
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"));
            assertEquals("retransformed 1", t.ask("bb"));
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"));
            CliRun.run(jdk, "disable", t.pid(), ID).ok();
            assertEquals("Hello bob +bb v0", t.ask("call"));
            CliRun.run(jdk, "enable", t.pid(), ID).ok();
            assertEquals("fixed(Hello bob) +bb v1", t.ask("call"));
            assertFalse(t.printed("Exception"), t::output);
        }
    }

    private static Target start(Jdk jdk, Path dir, List<String> flags) throws Exception {
        Path app = Jars.app(dir.resolve("app.jar"), "dev.jlivepatch.selftest.apps.worlds.agents");
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(app + File.pathSeparator + Libs.jacocoCore());
        cmd.add(MAIN);
        return Target.launch(cmd, 60);
    }

    static Path patch(Path dir) throws Exception {
        return Jars.patch(dir.resolve("agents-fix.jar"), ID, Map.of(), "dev.jlivepatch.selftest.patches.worlds.agents");
    }

    /** The ByteBuddy agent's jar, with ByteBuddy beside it on its manifest's Class-Path. */
    static Path byteBuddyAgent(Path dir) throws Exception {
        Files.copy(Libs.byteBuddy(), dir.resolve("byte-buddy.jar"), StandardCopyOption.REPLACE_EXISTING);
        String agent = "dev.jlivepatch.selftest.apps.worlds.bbagent.BbAgent";
        return Jars.patch(dir.resolve("bb-agent.jar"), null, Map.of("Premain-Class", agent, "Agent-Class", agent,
                "Can-Retransform-Classes", "true", "Class-Path", "byte-buddy.jar"),
                "dev.jlivepatch.selftest.apps.worlds.bbagent");
    }

    /** Loads an agent into the JVM by attach, as a tool would. */
    static void attach(long pid, Path agent) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
        try {
            vm.loadAgent(agent.toString(), "");
        } finally {
            vm.detach();
        }
    }
}
