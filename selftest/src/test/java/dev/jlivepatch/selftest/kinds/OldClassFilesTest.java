package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class files too old for invokedynamic: version 50 (Java 6, with stack map frames) loaded before
 * the patch and retransformed, and version 49 (Java 5, no frames) first loaded after the patch,
 * whose class initialiser calls a patched method. Static, instance, synchronized and throwing
 * methods are patched, and disabling brings the originals back.
 */
class OldClassFilesTest {
    private static final String MAIN = Fixtures.APPS + "old.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void oldClassFilesPatchAndUnpatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-old-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "old", Set.of(),
                Map.of(Fixtures.APPS + "old.Old49", 49, Fixtures.APPS + "old.Old50", 50));
        Path patch = Fixtures.patch(dir.resolve("old.jar"), "old", Fixtures.PATCHES + "old");

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "versions", "call50", "load:" + patch, "call50", "call49",
                "disable:old", "call50", "call49", "enable:old", "call50", "call49");

        List<String> expected = new ArrayList<>(List.of("Old49 class file version 49", "Old50 class file version 50"));
        expected.addAll(calls(50, "orig50", false));
        expected.add("load old.jar");
        expected.addAll(calls(50, "orig50", true));
        expected.addAll(calls(49, "new49", true));
        expected.add("disable old");
        expected.addAll(calls(50, "orig50", false));
        expected.addAll(calls(49, "new49", false));
        expected.add("enable old");
        expected.addAll(calls(50, "orig50", true));
        expected.addAll(calls(49, "new49", true));
        Checks.clean(run).expectOut(expected.toArray(new String[0]))
                .expectLine("applying patch 'old' to loading class '" + Fixtures.APPS + "old.Old49'");
    }

    /**
     * A replacement that recurses through its patched method runs at every level, as for class
     * files that take the invokedynamic path (MethodKindsTest) and as docs/patch-jar.md promises
     * for every class but the JDK's.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void recursionInOldClassFilesRunsTheReplacementAtEveryLevel(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-old-recursive-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "old", Set.of(),
                Map.of(Fixtures.APPS + "old.Old49", 49, Fixtures.APPS + "old.Old50", 50));
        Path patch = Fixtures.patch(dir.resolve("old.jar"), "old", Fixtures.PATCHES + "old");

        Run run = Run.java(jdk, "", app.toString(), MAIN, "recursive", "load:" + patch, "recursive",
                "disable:old", "recursive");
        // Every level of the recursion runs the replacement: 2 + 2 + 2 + 100.
        Checks.clean(run).expectOut("49 recursive: 3", "50 recursive: 3", "load old.jar",
                "49 recursive: 106", "50 recursive: 106", "disable old", "49 recursive: 3", "50 recursive: 3");
    }

    /** What callNN prints: init is what the class initialiser saw, fixed once the class is initialised. */
    private static List<String> calls(int v, String init, boolean patched) {
        return List.of(
                v + " init: " + init,
                v + " static: " + (patched ? "new" : "orig") + v,
                v + " add: " + (patched ? 30 : 13),
                v + " synchronized: " + (patched ? "new" : "orig") + " locked=true",
                v + " throws: !IOException: " + (patched ? "new" : "orig") + " x");
    }
}
