package dev.jlivepatch.selftest;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Func stacks, with today's kernel's rules (since atomic replace, Linux 5.1):
 * a second patch stacks on the first, and any patch can be disabled or
 * enabled wherever it is on the stack; each method runs the top enabled entry.
 * The agent's ordered log is compared with what the application sees: each
 * command runs exactly one transition of the patch it names, or none when
 * refused.
 */
class StackingTest {
    private static final String APP = "dev.jlivepatch.selftest.apps";
    private static final String MAIN = "dev.jlivepatch.selftest.apps.basic.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anyPatchChangesStateAndEachMethodRunsTheTopEnabledEntry(Jdk jdk) throws Exception {
        Path dir = Run.workDir("stacking-" + jdk);
        Path app = Jars.app(dir.resolve("app.jar"), APP);
        Path v1 = Jars.patch(dir.resolve("v1.jar"), "v1", Map.of(), "dev.jlivepatch.selftest.patches.basic.v1");
        Path v2 = Jars.patch(dir.resolve("v2.jar"), "v2", Map.of(), "dev.jlivepatch.selftest.patches.basic.v2");

        Run r = Run.java(jdk, "patch=" + v1, app.toString(), MAIN,
                "call", "load:" + v2, "call",
                "disable:v1", "call",          // the bottom patch, under an enabled one: v2 stays on top
                "disable:v2", "call",
                "enable:v1", "call",           // below a disabled one
                "enable:v2", "call",
                "disable:v2", "call",          // greet falls back to v1, twice to the original
                "remove:v1", "disable:v1", "remove:v1", "enable:v2", "call")
                .exitsWith(0);
        List<String> expected = new ArrayList<>(patching("v1"));
        expected.add("livepatch: applying patch 'v1' to loading class 'dev.jlivepatch.selftest.apps.basic.Greeter'");
        expected.add("OUT v1 bob 42");
        expected.add("OUT load v2.jar");
        expected.addAll(patching("v2"));
        expected.add("OUT v2 bob 84");
        expected.add("OUT disable v1");
        expected.addAll(unpatching("v1"));
        expected.add("OUT v2 bob 84");
        expected.add("OUT disable v2");
        expected.addAll(unpatching("v2"));
        expected.add("OUT Hello bob 42");
        expected.add("OUT enable v1");
        expected.addAll(patching("v1"));
        expected.add("OUT v1 bob 42");
        expected.add("OUT enable v2");
        expected.addAll(patching("v2"));
        expected.add("OUT v2 bob 84");
        expected.add("OUT disable v2");
        expected.addAll(unpatching("v2"));
        expected.add("OUT v1 bob 42");
        expected.add("OUT remove v1");
        expected.add("OUT refused: patch 'v1' is enabled; disable it before removing it");
        expected.add("OUT disable v1");
        expected.addAll(unpatching("v1"));
        expected.add("OUT remove v1");
        expected.add("OUT enable v2");
        expected.addAll(patching("v2"));
        expected.add("OUT v2 bob 84");
        r.expectEvents(expected.toArray(new String[0]));
    }

    private static List<String> patching(String id) {
        return List.of(
                "livepatch: enabling patch '" + id + "'",
                "livepatch: '" + id + "': initializing patching transition",
                "livepatch: '" + id + "': starting patching transition",
                "livepatch: '" + id + "': completing patching transition",
                "livepatch: '" + id + "': patching complete in TIME");
    }

    private static List<String> unpatching(String id) {
        return List.of(
                "livepatch: '" + id + "': initializing unpatching transition",
                "livepatch: '" + id + "': starting unpatching transition",
                "livepatch: '" + id + "': completing unpatching transition",
                "livepatch: '" + id + "': unpatching complete in TIME");
    }
}
