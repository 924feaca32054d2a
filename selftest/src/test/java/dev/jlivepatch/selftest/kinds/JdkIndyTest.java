package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JDK class outside the set that java.lang.invoke's linkage uses (java.time.Year) gets the
 * invokedynamic stub of application classes, and its rule: the replacement runs, also for the JDK's own
 * callers; a nested call of the patched method from the replacement runs the replacement again (there is
 * no re-entry guard on this path); {@code @Original} runs the original; the replacement's first call links
 * a lambda and a string concatenation without recursing; hot, compiled loops on other threads never see a
 * wrong answer while the patch is loaded and disabled; disabling brings the original back everywhere.
 */
class JdkIndyTest {
    private static final String MAIN = Fixtures.APPS + "jdkindy.Main";
    private static final String ORIGINAL = "isLeap 13 -13 2100 2024 1900: false false false true false;"
            + " Year.of(13).isLeap(): false";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jdkClassOutsideTheLinkageSetRunsItsReplacementLikeAnApplicationClass(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-jdkindy-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "jdkindy", Set.of(), Map.of());
        Path fix = Fixtures.patch(dir.resolve("year.jar"), "year", Fixtures.PATCHES + "jdkindy");

        Run run = Run.java(jdk, "", app.toString(), MAIN, "call", "hot", "load:" + fix, "joined", "call",
                "hot", "disable:year", "joined", "call");
        Checks.clean(run).expectOut(ORIGINAL, "load year.jar", "hot: wrong=0, transition complete: true",
                "isLeap 13 -13 2100 2024 1900: true true false true false; Year.of(13).isLeap(): true",
                "disable year", "hot: wrong=0, transition complete: true", ORIGINAL)
                .expectLine("'year': patching complete")
                .expectLine("'year': unpatching complete");
    }
}
