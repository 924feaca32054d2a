package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Library internals are package-private more often than not. A patch class in the target's
 * package names the package-private target as receiver, parameter and return type (also in an
 * array), and constructs it; the patch runs in the application loader and in a child loader that
 * defines its own copy of the classes, before and after C2 compiles the calls, and disabling it
 * brings the originals back. A stack trace through a replacement keeps every line number and shows
 * no generated frame.
 */
class PackagePrivateTest {
    private static final String MAIN = Fixtures.APPS + "pkgprivate.Main";
    private static final String FIX = Fixtures.APPS + "pkgprivate.CounterFix";
    private static final String ORIGINAL = "next=2 copy=a'=2 merge=a+b=12 pair=2:b=10";
    private static final String PATCHED = "next=101 copy=a''=101 merge=b&a=1010 pair=3:b=10";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void patchesNamingAPackagePrivateTargetRunEverywhere(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-pkgprivate-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "pkgprivate", Set.of(FIX), Map.of());
        Path patch = Fixtures.patch(dir.resolve("pp.jar"), "pp", List.of(), Set.of(FIX));

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "call", "child", "load:" + patch, "call", "child", "hot", "trace", "disable:pp", "call", "child");
        String trace = "IllegalArgumentException | CounterFix.copy:line | Counter.copy:line | Counters.trace:line";
        Checks.clean(run).expectOut(
                "app: " + ORIGINAL,
                "webapp: " + ORIGINAL,
                "load pp.jar",
                "app: " + PATCHED,
                "webapp: " + PATCHED,
                "hot: " + PATCHED,
                "trace: " + trace,
                "disable pp",
                "app: " + ORIGINAL,
                "webapp: " + ORIGINAL);
    }
}
