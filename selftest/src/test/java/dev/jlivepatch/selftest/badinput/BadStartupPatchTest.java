package dev.jlivepatch.selftest.badinput;

import static dev.jlivepatch.selftest.badinput.BadJars.ORIGINAL;
import static dev.jlivepatch.selftest.badinput.BadJars.PATCHED;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad patches given at startup ({@code -javaagent:jlivepatch.jar=patch=bad.jar}) never stop the
 * application: each is refused with its reason in the log, the application starts and runs its
 * original code, no patch is registered, and a good patch still loads afterwards.
 */
class BadStartupPatchTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void badPatchesAtStartupAreRefusedAndTheApplicationRuns(Jdk jdk) throws Exception {
        BadJars jars = new BadJars(Run.workDir("badinput-startup-" + jdk));
        Path text = jars.text();
        Path callback = jars.patch("badcallback");
        Path good = jars.patch("good");
        Run.java(jdk, "patch=" + text + ",patch=" + callback + ",patch=" + jars.patch("loadedmissing"),
                        jars.app().toString(), BadJars.MAIN, "call", "patches", "load:" + good, "call")
                .exitsWith(0)
                .expectEvents(
                        "livepatch: failed to load patch jar " + text + ": text.jar: not a jar, or truncated:"
                                + " zip END header not found",
                        "livepatch: failed to load patch jar " + callback + ": " + BadJars.PATCHES
                                + "badcallback.BadCallback.prepare: a @PrePatch callback must be static,"
                                + " take () or (PatchTarget), and return void or boolean",
                        "livepatch: enabling patch 'loadedmissing'",
                        "livepatch: failed to enable patch 'loadedmissing': patch 'loadedmissing': " + BadJars.PATCHES
                                + "loadedmissing.LoadedMissing.noSuchMethod: target method"
                                + " java.util.ArrayList.noSuchMethod not found",
                        "OUT " + ORIGINAL,
                        "OUT patches []",
                        "OUT load good.jar",
                        "livepatch: enabling patch 'good'",
                        "livepatch: 'good': initializing patching transition",
                        "livepatch: 'good': starting patching transition",
                        "livepatch: 'good': completing patching transition",
                        "livepatch: 'good': patching complete in TIME",
                        "OUT " + PATCHED);
    }

    /**
     * A bad patch for an application class that loads after the agent starts (the usual case at
     * startup): the patch must be refused as a whole, not the application's class.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void badPatchForAClassNotYetLoadedDoesNotStopTheApplication(Jdk jdk) throws Exception {
        BadJars jars = new BadJars(Run.workDir("badinput-startup-later-" + jdk));
        Run.java(jdk, "patch=" + jars.patch("missingmethod"), jars.app().toString(), BadJars.MAIN,
                        "call", "patches", "load:" + jars.patch("good"), "call")
                .exitsWith(0)
                .expectOut(ORIGINAL, "patches []", "load good.jar", PATCHED)
                .expectLine("failed to enable patch 'missingmethod'")
                .expectLine("target method " + BadJars.TARGET + ".farewell not found");
    }
}
