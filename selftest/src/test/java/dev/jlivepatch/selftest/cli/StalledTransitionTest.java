package dev.jlivepatch.selftest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Fixtures;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transition that a thread blocks, as the command line shows it: {@code load}
 * prints progress and, at its timeout, the blocking thread and frame and what
 * to do, exiting 3; {@code status} shows the running transition and its
 * blocker; another change is refused meanwhile; {@code --no-wait} returns
 * while it runs; {@code disable} reverses it; {@code force} completes it; and the held thread, once released, finishes
 * with the code it started in.
 */
class StalledTransitionTest {
    /**
     * The blocking frame as a stack-trace line, after the loader's name. (The thread still runs the method's
     * bytes from before the stub was woven in, which the JVM keeps without line numbers: "Unknown Source".)
     */
    static final String FRAME = "dev.jlivepatch.selftest.attach.app.Gate.pass(";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void timeoutReverseAndForce(Jdk jdk) throws Exception {
        Path dir = Run.workDir("cli-stalled-" + jdk);
        Path gate = Jars.patch(dir.resolve("gate.jar"), "gate", Map.of(), "dev.jlivepatch.selftest.attach.patch");
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            long pid = t.pid();
            String holder = "thread 'holder' (id " + t.ask("hold") + ") in ";

            // load waits, shows progress, and gives up at its timeout with the blocker and what to do
            CliRun load = CliRun.run(jdk, "load", pid, gate, "--timeout", "3s");
            load.failsWith(3, "jlivepatch: the patching transition of 'gate' did not complete within 3s, blocked by"
                    + " 1 thread; it keeps running: 'disable' reverses it, 'force' completes it")
                    .says("loaded patch 'gate' from " + gate + "; patching transition started")
                    .says("waiting for the patching transition of 'gate' (")
                    .says("): blocked by " + holder)
                    .says(FRAME)
                    .says("the patching transition of 'gate' has not completed after 3s; 1 thread still run code it"
                            + " replaces:")
                    .says("    " + holder)
                    .says("    java -jar jlivepatch.jar disable " + pid + " gate   reverses it (back to the original"
                            + " code)")
                    .says("    java -jar jlivepatch.jar force " + pid + " gate     completes it without the"
                            + " consistency check (unsafe)");

            // status: the running transition and who blocks it
            CliRun.run(jdk, "status", pid).ok()
                    .says("patch 'gate': enabled, in patching transition")
                    .says("the patching transition of 'gate' is running, blocked by 1 thread:")
                    .says("    " + holder);
            Map<String, Object> status = CliRun.run(jdk, "status", pid, "--json").ok().json();
            Map<?, ?> transition = (Map<?, ?>) status.get("transition");
            assertEquals("gate", transition.get("patch"));
            assertEquals("patching", transition.get("state"));
            Map<?, ?> blocker = (Map<?, ?>) ((List<?>) transition.get("blockers")).get(0);
            assertEquals(List.of("thread", "threadId", "virtual", "frame"), List.copyOf(blocker.keySet()));
            assertEquals("holder", blocker.get("thread"));
            assertEquals(false, blocker.get("virtual"));
            assertTrue(((String) blocker.get("frame")).contains(FRAME), blocker::toString);

            // one transition at a time
            CliRun.run(jdk, "load", pid, Fixtures.v1(dir)).failsWith(1, "'gate'");

            // disable reverses it; the thread never switched, so it completes at once
            CliRun.run(jdk, "disable", pid, "gate").ok().says("patch 'gate' disabled: unpatching complete");
            Map<String, Object> off = CliRun.run(jdk, "status", pid, "--json").ok().json();
            assertNull(off.get("transition"));

            // --no-wait returns while it runs (status 0), and disable reverses it again
            Map<String, Object> started = CliRun.run(jdk, "enable", pid, "gate", "--no-wait", "--json").ok().json();
            assertEquals("running", started.get("result"));
            CliRun.run(jdk, "disable", pid, "gate").ok().says("patch 'gate' disabled: unpatching complete");

            // enable stalls again; --json reports the timeout with the blocker
            Map<String, Object> again = CliRun.run(jdk, "enable", pid, "gate", "--timeout", "1s", "--json")
                    .failsWith(3, "did not complete within 1s").json();
            assertEquals("timeout", again.get("result"));
            assertEquals("holder", ((Map<?, ?>) ((List<?>) again.get("blockers")).get(0)).get("thread"));
            assertEquals("patching", ((Map<?, ?>) again.get("patch")).get("transition"));

            // force completes it: new calls run the fix, the held thread finishes in the original code
            Map<String, Object> forced = CliRun.run(jdk, "force", pid, "gate", "--json").ok().json();
            assertEquals("complete", forced.get("result"));
            assertEquals(true, ((Map<?, ?>) forced.get("patch")).get("forced"));
            assertEquals(true, ((Map<?, ?>) forced.get("patch")).get("enabled"));
            assertEquals("gate original", t.ask("release"));
            assertEquals("gate patched", t.ask("gate"));
            assertTrue(t.printed("'gate': patching complete"), t::output);
        }
    }
}
