package dev.jlivepatch.selftest;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Func stacks, with today's kernel's rules (since atomic replace, Linux 5.1):
 * a second patch stacks on the first, and any patch can be disabled or
 * enabled wherever it is on the stack; each method runs the top enabled entry.
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

        Run.java(jdk, "patch=" + v1, app.toString(), MAIN,
                "call", "load:" + v2, "call",
                "disable:v1", "call",          // the bottom patch, under an enabled one: v2 stays on top
                "disable:v2", "call",
                "enable:v1", "call",           // below a disabled one
                "enable:v2", "call",
                "disable:v2", "call",          // greet falls back to v1, twice to the original
                "remove:v1", "disable:v1", "remove:v1", "enable:v2", "call")
                .exitsWith(0)
                .expectOut(
                        "v1 bob 42",
                        "load " + v2, "v2 bob 84",
                        "disable v1", "v2 bob 84",
                        "disable v2", "Hello bob 42",
                        "enable v1", "v1 bob 42",
                        "enable v2", "v2 bob 84",
                        "disable v2", "v1 bob 42",
                        "remove v1", "refused: patch 'v1' is enabled; disable it before removing it",
                        "disable v1", "remove v1", "enable v2", "v2 bob 84");
    }
}
