package dev.jlivepatch.selftest.cli;

import static dev.jlivepatch.selftest.attach.Fixtures.GREETER;
import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static dev.jlivepatch.selftest.attach.Fixtures.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Fixtures;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of the command line against one running JVM, in its own JVM
 * as users run it: what it prints, its exit status, the one line on stderr
 * when it refuses, and the documented {@code --json} shapes, key for key.
 */
class CommandsTest {
    static final List<String> CHANGE_KEYS = List.of("command", "pid", "id", "attached", "agentVersion", "result",
            "patch", "blockers", "notices", "error");
    static final List<String> STATUS_KEYS = List.of("command", "pid", "agent", "agentVersion", "patches",
            "transition", "lastTransition", "calls", "error");
    static final List<String> LAST_TRANSITION_KEYS = List.of("patch", "kind", "durationMillis", "rounds",
            "selfSwitched", "managerSwitched", "reversed", "forced");
    static final List<String> PATCH_KEYS = List.of("id", "description", "enabled", "transition", "forced", "replace", "stackOrder", "targets");

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void everyCommandWithItsStatusAndJson(Jdk jdk) throws Exception {
        Path dir = Run.workDir("cli-commands-" + jdk);
        Path v1 = Fixtures.v1(dir);
        Path v2 = Fixtures.v2(dir);
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            long pid = t.pid();

            // Before the agent: status answers, the other commands refuse.
            Map<String, Object> none = CliRun.run(jdk, "status", pid, "--json").ok().json();
            assertEquals(STATUS_KEYS, List.copyOf(none.keySet()));
            assertEquals(false, none.get("agent"));
            assertEquals(List.of(), none.get("patches"));
            CliRun.run(jdk, "status", pid).ok().says("JVM " + pid + ": jlivepatch is not loaded, so it has no patches");
            CliRun.run(jdk, "enable", pid, "v1").fails(1, "jlivepatch is not loaded in JVM " + pid + ", so it has no"
                    + " patch 'v1' (load one with 'java -jar jlivepatch.jar load " + pid + " PATCH.jar')");
            assertEquals("null", t.ask("property"), "status and refusals load no agent");

            // load
            Map<String, Object> load = CliRun.run(jdk, "load", pid, v1, "--json").ok().json();
            assertEquals(CHANGE_KEYS, List.copyOf(load.keySet()));
            assertEquals("load", load.get("command"));
            assertEquals(pid, load.get("pid"));
            assertEquals("v1", load.get("id"));
            assertEquals(true, load.get("attached"));
            assertEquals("complete", load.get("result"));
            assertEquals(List.of(), load.get("blockers"));
            assertNull(load.get("error"));
            Map<?, ?> patch = (Map<?, ?>) load.get("patch");
            assertEquals(PATCH_KEYS, List.copyOf(patch.keySet()));
            assertEquals("greets as v1", patch.get("description"));
            assertEquals(true, patch.get("enabled"));
            assertEquals("none", patch.get("transition"));
            assertEquals(false, patch.get("forced"));
            Map<String, Object> greeter = new java.util.HashMap<>(Map.of("class", GREETER, "loaded", true,
                    "loader", "app", "methods", List.of("greet(Ljava/lang/String;)Ljava/lang/String;"),
                    "patched", true));
            greeter.put("refusal", null);
            assertEquals(List.of(greeter), patch.get("targets"));
            assertEquals(1, ((Number) patch.get("stackOrder")).intValue());
            assertEquals(false, patch.get("replace"));
            assertEquals(V1, t.ask("call"));

            Map<String, Object> second = CliRun.run(jdk, "load", pid, v2, "--no-wait", "--json").ok().json();
            assertEquals(false, second.get("attached"));
            assertTrue(List.of("complete", "running").contains(second.get("result")), second::toString);
            // the same jar again: nothing changes, and that is no failure
            CliRun.run(jdk, "load", pid, v2).ok().says("patch 'v2' enabled: patching complete");
            assertTrue(t.printed("patch 'v2' is loaded already with the same content: nothing changes"), t::output);
            assertEquals(V2, t.ask("call"));

            // status
            Map<String, Object> status = CliRun.run(jdk, "status", pid, "--json").ok().json();
            assertEquals(STATUS_KEYS, List.copyOf(status.keySet()));
            assertEquals(true, status.get("agent"));
            assertEquals(t.ask("property"), status.get("agentVersion"));
            assertNull(status.get("transition"));
            // the last transition: v2's patching, the first load's (the second load changed nothing)
            Map<?, ?> last = (Map<?, ?>) status.get("lastTransition");
            assertEquals(LAST_TRANSITION_KEYS, List.copyOf(last.keySet()), last::toString);
            assertEquals("v2", last.get("patch"), last::toString);
            assertEquals("patching", last.get("kind"), last::toString);
            assertTrue(((Number) last.get("durationMillis")).doubleValue() > 0, last::toString);
            assertTrue(((Number) last.get("rounds")).intValue() >= 1, last::toString);
            assertTrue(((Number) last.get("selfSwitched")).longValue() + ((Number) last.get("managerSwitched"))
                    .longValue() >= 1, last::toString);
            assertEquals(false, last.get("reversed"), last::toString);
            assertEquals(false, last.get("forced"), last::toString);
            List<?> patches = (List<?>) status.get("patches");
            assertEquals(List.of("v1", "v2"), patches.stream().map(p -> ((Map<?, ?>) p).get("id")).toList());
            assertNull(((Map<?, ?>) patches.get(1)).get("description"));
            assertEquals(List.of("greet(Ljava/lang/String;)Ljava/lang/String;", "twice(I)I"),
                    ((Map<?, ?>) ((List<?>) ((Map<?, ?>) patches.get(1)).get("targets")).get(0)).get("methods"));
            CliRun.run(jdk, "status", pid).ok()
                    .says("JVM " + pid + ": jlivepatch " + status.get("agentVersion") + ", 2 patches (bottom of the"
                            + " stack first)")
                    .says("patch 'v1': enabled - greets as v1")
                    .says("patch 'v2': enabled")
                    .says("    " + GREETER + " (loader app): greet(java.lang.String), twice(int)")
                    .says("no transition is running")
                    .says("last transition: patching of 'v2', complete in ");

            // any patch can be disabled, wherever it is on the stack (today's kernel's rule)
            CliRun.run(jdk, "disable", pid, "v1").ok().says("patch 'v1' disabled: unpatching complete");
            assertEquals(V2, t.ask("call"));
            CliRun.run(jdk, "enable", pid, "v1").ok().says("patch 'v1' enabled: patching complete");
            Map<String, Object> off = CliRun.run(jdk, "disable", pid, "v2", "--json").ok().json();
            assertEquals(CHANGE_KEYS, List.copyOf(off.keySet()));
            assertEquals("complete", off.get("result"));
            assertEquals(false, ((Map<?, ?>) off.get("patch")).get("enabled"));
            assertEquals(V1, t.ask("call"));
            Map<?, ?> unpatched = (Map<?, ?>) CliRun.run(jdk, "status", pid, "--json").ok().json().get("lastTransition");
            assertEquals("v2", unpatched.get("patch"), unpatched::toString);
            assertEquals("unpatching", unpatched.get("kind"), unpatched::toString);
            CliRun.run(jdk, "disable", pid, "v2").fails(1, "patch 'v2' is not enabled");
            // a disabled patch's target is still loaded: shown, not patched, with its stack order and kind
            Map<?, ?> off2 = (Map<?, ?>) ((List<?>) CliRun.run(jdk, "status", pid, "--json").ok().json()
                    .get("patches")).get(1);
            assertEquals(2, ((Number) off2.get("stackOrder")).intValue(), off2::toString);
            assertEquals(false, off2.get("replace"), off2::toString);
            Map<?, ?> target = (Map<?, ?>) ((List<?>) off2.get("targets")).get(0);
            assertEquals(GREETER, target.get("class"), off2::toString);
            assertEquals(false, target.get("patched"), off2::toString);
            CliRun.run(jdk, "status", pid).ok()
                    .says("patch 'v2': disabled")
                    .says("    " + GREETER + " (loader app): greet(java.lang.String), twice(int) (not patched)")
                    .neverSays("no target class is loaded yet");

            // enable, remove
            CliRun.run(jdk, "enable", pid, "v2", "--timeout", "30s").ok().says("patch 'v2' enabled: patching complete");
            assertEquals(V2, t.ask("call"));
            CliRun.run(jdk, "remove", pid, "v2").fails(1, "patch 'v2' is enabled; disable it before removing it");
            CliRun.run(jdk, "disable", pid, "v2").ok().says("patch 'v2' disabled: unpatching complete");
            Map<String, Object> removed = CliRun.run(jdk, "remove", pid, "v2", "--json").ok().json();
            assertEquals(CHANGE_KEYS, List.copyOf(removed.keySet()));
            assertEquals("complete", removed.get("result"));
            assertNull(removed.get("patch"));
            CliRun.run(jdk, "remove", pid, "v2").fails(1, "no patch 'v2' is loaded");
            CliRun.run(jdk, "enable", pid, "v1").fails(1, "patch 'v1' is already enabled");

            // force: only a running transition can be forced
            Map<String, Object> force = CliRun.run(jdk, "force", pid, "v1", "--json")
                    .fails(1, "patch 'v1' is not in a transition; there is nothing to force").json();
            assertEquals(CHANGE_KEYS, List.copyOf(force.keySet()));
            assertEquals("patch 'v1' is not in a transition; there is nothing to force", force.get("error"));

            // a bad patch jar is refused with the agent's reason, and changes nothing
            Path text = Files.writeString(dir.resolve("text.jar"), "not a jar");
            CliRun.run(jdk, "load", pid, text).fails(1, "text.jar: not a jar, or truncated: zip END header not found");
            CliRun.run(jdk, "load", pid, dir.resolve("missing.jar")).fails(1, "no patch jar at "
                    + dir.resolve("missing.jar"));
            assertEquals(V1, t.ask("call"));

            CliRun.run(jdk, "disable", pid, "v1", "--timeout", "5").ok();
            assertEquals(ORIGINAL, t.ask("call"));

            // jvms
            Map<String, Object> jvms = CliRun.run(jdk, "jvms", "--json").ok().json();
            assertEquals(List.of("command", "jvms", "error"), List.copyOf(jvms.keySet()));
            CliRun.run(jdk, "jvms").ok().says("PID      JAVA  AGENT            MAIN").says(pid + " ");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void helpAndWrongCommandLines(Jdk jdk) throws Exception {
        CliRun.run(jdk, "--help").ok().says("usage: java -jar jlivepatch.jar COMMAND [OPTIONS]")
                .says("  load PID PATCH.jar ");
        CliRun.run(jdk, "load", "--help").ok().says("usage: java -jar jlivepatch.jar load PID PATCH.jar");
        CliRun.run(jdk, "--version").ok().says("jlivepatch ");
        CliRun.run(jdk).fails(2, "no command given").says("usage: ");
        CliRun.run(jdk, "frob").fails(2, "unknown command 'frob' (see --help)");
        CliRun.run(jdk, "status", "abc").fails(2, "'abc' is not a process id (see 'java -jar jlivepatch.jar jvms')");
        CliRun.run(jdk, "status").fails(2, "missing PID: the form is 'status PID' (see 'status --help')");
        CliRun.run(jdk, "enable", "1", "a", "b").fails(2, "unexpected 'b': the form is 'enable PID ID' (see"
                + " 'enable --help')");
        CliRun.run(jdk, "status", "1", "--frob").fails(2, "unknown option '--frob' (see --help)");
        CliRun.run(jdk, "remove", "1", "x", "--no-wait").fails(2, "'remove' does not wait for a transition:"
                + " --no-wait and --timeout do not apply");
        CliRun.run(jdk, "enable", "1", "x", "--options", "dir=/x").fails(2, "--options applies only to 'load'"
                + " (the agent options, passed on attach)");
        CliRun.run(jdk, "load", "1", "x.jar", "--timeout", "soon").fails(2, "--timeout 'soon' is not a duration:"
                + " give seconds (60) or 500ms, 30s, 2m, 1h");
        Map<String, Object> json = CliRun.run(jdk, "frob", "--json").fails(2, "unknown command 'frob' (see --help)")
                .json();
        assertEquals("unknown command 'frob' (see --help)", json.get("error"));
    }
}
