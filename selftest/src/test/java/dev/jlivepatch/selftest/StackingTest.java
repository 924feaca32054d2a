package dev.jlivepatch.selftest;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Func stacks: a second patch stacks on the first, and patches change state only in stack order. */
class StackingTest {
    private static final String APP = "dev.jlivepatch.selftest.apps";
    private static final String MAIN = "dev.jlivepatch.selftest.apps.basic.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void stacksAndUnwindsInOrder(Jdk jdk) throws Exception {
        Path dir = Run.workDir("stacking-" + jdk);
        Path app = Jars.app(dir.resolve("app.jar"), APP);
        Path v1 = Jars.patch(dir.resolve("v1.jar"), "v1", Map.of(), "dev.jlivepatch.selftest.patches.basic.v1");
        Path v2 = Jars.patch(dir.resolve("v2.jar"), "v2", Map.of(), "dev.jlivepatch.selftest.patches.basic.v2");

        Run.java(jdk, "patch=" + v1, app.toString(), MAIN,
                "call", "load:" + v2, "call",
                "disable:v1", "call",
                "disable:v2", "call",
                "enable:v2", "call",
                "disable:v2", "disable:v1", "call",
                "enable:v2", "remove:v1", "enable:v2", "call")
                .exitsWith(0)
                .expectOut(
                        "v1 bob 42",
                        "load " + v2, "v2 bob 84",
                        "disable v1",
                        "refused: patch 'v1' cannot be disabled while patch 'v2' above it on the stack is enabled;"
                                + " disable that one first",
                        "v2 bob 84",
                        "disable v2", "v1 bob 42",
                        "enable v2", "v2 bob 84",
                        "disable v2", "disable v1", "Hello bob 42",
                        "enable v2",
                        "refused: patch 'v2' cannot be enabled while patch 'v1' below it on the stack is disabled;"
                                + " enable that one first",
                        "remove v1", "enable v2", "v2 bob 84");
    }
}
