package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A patch is checked against its target as every live class loader would
 * define it, not only the system one, and a target that no class loader can
 * find refuses the patch unless the patch defers it: through the MBean, the
 * command line, at startup and from the watched directory. {@code Plugin}
 * lives in a jar off the class path, which only the application's own
 * loaders (a web application's, a plugin's) see.
 */
class LoaderChecksTest {
    static final String PLUGIN = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin";
    static final String PLUGN = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugn";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.lifecycle.loaders.";
    static final String DEFERRED = "Livepatch-Deferred-Targets";

    @TempDir
    Path tmp;

    /**
     * A loader that exists but has not loaded the target yet: a misspelled
     * method and a wrong parameter type are refused with the reason and the
     * loader, nothing changes, and the class then loads there unpatched. A
     * patch that matches is accepted, and a copy loading later is patched.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void mismatchWithAChildLoadersClassIsRefusedUpFront(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-checks-" + jdk);
        Path plugin = Fixtures.plugin(dir);
        Run r = run(jdk, "", Fixtures.app(dir), "jar:" + plugin, "open:a",
                "load:" + Fixtures.patch(dir, "ms", "loaders.misspelled"),
                "load:" + Fixtures.patch(dir, "wp", "loaders.wrongparam"), "state:ms", "state:wp", "plugin:a",
                "open:b", "load:" + Fixtures.patch(dir, "fix", "loaders.fix"), "plugin:a", "plugin:b");
        String ms = "patch 'ms': " + PATCHES + "misspelled.Misspelled.wrok: target method " + PLUGIN
                + ".wrok not found" + asLoaderWould("a", plugin);
        String wp = "patch 'wp': " + PATCHES + "wrongparam.WrongParam.greet: no method " + PLUGIN
                + ".greet takes (int); there are: static " + PLUGIN + ".greet(java.lang.String)"
                + asLoaderWould("a", plugin);
        expectEvents(r,
                "OUT % open a",
                "OUT % load ms.jar",
                "livepatch: enabling patch 'ms'",
                "livepatch: failed to enable patch 'ms': " + ms,
                "OUT refused: " + ms,
                "OUT % load wp.jar",
                "livepatch: enabling patch 'wp'",
                "livepatch: failed to enable patch 'wp': " + wp,
                "OUT refused: " + wp,
                "OUT state ms: not loaded",
                "OUT state wp: not loaded",
                // no patch applies as it loads: the original code
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: original",
                "OUT % open b",
                "OUT % load fix.jar",
                "livepatch: enabling patch 'fix'",
                "livepatch: 'fix': initializing patching transition",
                "livepatch: 'fix': starting patching transition",
                "livepatch: 'fix': completing patching transition",
                "livepatch: 'fix': patching complete in TIME",
                "OUT Plugin@a.work: patched",
                "livepatch: applying patch 'fix' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in b",
                "OUT Plugin@b.work: patched",
                "OUT done");
    }

    /**
     * A typo in {@code @Patch(target)} is refused, through the MBean and
     * through the command line (status 1, the reason as its one line on
     * stderr), although a child loader over the jar of the class meant exists;
     * so is a {@code @Patch(loader)} that no live loader matches.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void typoInTheTargetIsRefused(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-typo-" + jdk);
        Path typo = Fixtures.patch(dir, "typo", "loaders.typo");
        Run r = run(jdk, "", Fixtures.app(dir), "jar:" + Fixtures.plugin(dir), "open:a", "load:" + typo,
                "cli:load PID " + typo, "load:" + Fixtures.patch(dir, "wl", "loaders.wrongloader"), "state:typo",
                "state:wl", "plugin:a");
        String unknown = unknown("typo", PLUGN);
        String noWeb = "patch 'wl': no class loader 'web' of this JVM can find class " + PLUGIN + " (check"
                + " @Patch(target) and @Patch(loader); for a class of a class loader that does not exist yet, set"
                + " Livepatch-Deferred-Targets in the manifest or load with --deferred-targets)";
        expectEvents(r,
                "OUT % open a",
                "OUT % load typo.jar",
                "livepatch: enabling patch 'typo'",
                "livepatch: failed to enable patch 'typo': " + unknown,
                "OUT refused: " + unknown,
                "OUT % cli load PID typo.jar",
                "livepatch: enabling patch 'typo'",
                "livepatch: failed to enable patch 'typo': " + unknown,
                "OUT cli: jlivepatch VERSION is already loaded in JVM PID",
                "OUT cli stderr: jlivepatch: " + unknown,
                "OUT cli exit 1",
                "OUT % load wl.jar",
                "livepatch: enabling patch 'wl'",
                "livepatch: failed to enable patch 'wl': " + noWeb,
                "OUT refused: " + noWeb,
                "OUT state typo: not loaded",
                "OUT state wl: not loaded",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: original",
                "OUT done");
    }

    /**
     * At startup no loader of the application exists yet: a typo and a
     * patch for a child loader's class are refused (the application runs
     * unpatched), a patch that defers its target is accepted and patches
     * the class once a loader defines it.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void atStartupTheLoadersOfThatMomentCount(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-startup-" + jdk);
        Run r = run(jdk, "patch=" + Fixtures.patch(dir, "typo", "loaders.typo") + ",patch="
                        + Fixtures.patch(dir, "fix", "loaders.fix") + ",patch="
                        + Fixtures.patch(dir, "later", "loaders.fix", DEFERRED, PLUGIN),
                Fixtures.app(dir), "jar:" + Fixtures.plugin(dir), "loader:a", "plugin:a", "state:typo", "state:fix");
        expectEvents(r,
                "livepatch: enabling patch 'typo'",
                "livepatch: failed to enable patch 'typo': " + unknown("typo", PLUGN),
                "livepatch: enabling patch 'fix'",
                "livepatch: failed to enable patch 'fix': " + unknown("fix", PLUGIN),
                "livepatch: enabling patch 'later'",
                "livepatch: 'later': no class loader of this JVM can find class " + PLUGIN
                        + " yet; it is patched when it loads",
                "livepatch: 'later': initializing patching transition",
                "livepatch: 'later': starting patching transition",
                "livepatch: 'later': completing patching transition",
                "livepatch: 'later': patching complete in TIME",
                "OUT % loader a",
                "livepatch: applying patch 'later' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: patched",
                "OUT state typo: not loaded",
                "OUT state fix: not loaded",
                "OUT done");
    }

    /**
     * The watched directory follows the same rule, against the loaders that
     * exist when it picks a jar up: at startup a patch for a child loader's
     * class is refused and a deferring one accepted; later a typo is refused,
     * and a mismatch with the loader that exists by then names it.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void theWatchedDirectoryChecksTheLoadersOfThatMoment(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-watch-" + jdk);
        Path plugin = Fixtures.plugin(dir);
        Path watched = Files.createDirectory(tmp.resolve("patches"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        old(Files.copy(Fixtures.patch(dir, "fix", "loaders.fix"), watched.resolve("20-fix.jar")));
        old(Files.copy(Fixtures.patch(dir, "later", "loaders.fix", DEFERRED, PLUGIN), watched.resolve("30-later.jar")));
        Run r = run(jdk, "dir=" + watched, Fixtures.app(dir), "jar:" + plugin, "open:a",
                "drop:" + Fixtures.patch(dir, "typo", "loaders.typo") + "|" + watched,
                "logged:watch: typo.jar: refused",
                "drop:" + Fixtures.patch(dir, "ms", "loaders.misspelled") + "|" + watched,
                "logged:watch: ms.jar: refused",
                "plugin:a");
        String ms = "patch 'ms': " + PATCHES + "misspelled.Misspelled.wrok: target method " + PLUGIN
                + ".wrok not found" + asLoaderWould("a", plugin);
        expectEvents(r,
                "livepatch: watch: watching " + watched + " for patch jars",
                "livepatch: watch: 20-fix.jar: loading patch 'fix'",
                "livepatch: enabling patch 'fix'",
                "livepatch: failed to enable patch 'fix': " + unknown("fix", PLUGIN),
                "livepatch: watch: 20-fix.jar: refused; it is tried again when its content changes",
                "livepatch: watch: 30-later.jar: loading patch 'later'",
                "livepatch: enabling patch 'later'",
                "livepatch: 'later': no class loader of this JVM can find class " + PLUGIN
                        + " yet; it is patched when it loads",
                "livepatch: 'later': initializing patching transition",
                "livepatch: 'later': starting patching transition",
                "livepatch: 'later': completing patching transition",
                "livepatch: 'later': patching complete in TIME",
                "OUT % open a",
                "OUT % drop typo.jar",
                "livepatch: watch: typo.jar: loading patch 'typo'",
                "livepatch: enabling patch 'typo'",
                "livepatch: failed to enable patch 'typo': " + unknown("typo", PLUGN),
                "livepatch: watch: typo.jar: refused; it is tried again when its content changes",
                "OUT % drop ms.jar",
                "livepatch: watch: ms.jar: loading patch 'ms'",
                "livepatch: enabling patch 'ms'",
                "livepatch: failed to enable patch 'ms': " + ms,
                "livepatch: watch: ms.jar: refused; it is tried again when its content changes",
                "livepatch: applying patch 'later' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: patched",
                "OUT done");
    }

    /**
     * A target in a jar that no loader has yet refuses the patch, unless the
     * manifest defers it, by name or with {@code *}: then the patch is
     * accepted and the class is patched when a loader over that jar defines it.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void theManifestDefersTargets(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-deferred-" + jdk);
        Path app = Fixtures.app(dir);
        Path plugin = Fixtures.plugin(dir);
        Run named = run(jdk, "", app, "jar:" + plugin, "load:" + Fixtures.patch(dir, "fix", "loaders.fix"),
                "load:" + Fixtures.patch(dir, "later", "loaders.fix", DEFERRED, "com.example.Other, " + PLUGIN),
                "loader:a", "plugin:a");
        String unknown = unknown("fix", PLUGIN);
        expectEvents(named,
                "OUT % load fix.jar",
                "livepatch: enabling patch 'fix'",
                "livepatch: failed to enable patch 'fix': " + unknown,
                "OUT refused: " + unknown,
                "OUT % load later.jar",
                "livepatch: enabling patch 'later'",
                "livepatch: 'later': no class loader of this JVM can find class " + PLUGIN
                        + " yet; it is patched when it loads",
                "livepatch: 'later': initializing patching transition",
                "livepatch: 'later': starting patching transition",
                "livepatch: 'later': completing patching transition",
                "livepatch: 'later': patching complete in TIME",
                "OUT % loader a",
                "livepatch: applying patch 'later' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: patched",
                "OUT done");

        Run any = run(jdk, "", app, "jar:" + plugin, "load:" + Fixtures.patch(dir, "any", "loaders.fix", DEFERRED, "*"),
                "loader:a", "plugin:a");
        expectEvents(any,
                "OUT % load any.jar",
                "livepatch: enabling patch 'any'",
                "livepatch: 'any': no class loader of this JVM can find class " + PLUGIN
                        + " yet; it is patched when it loads",
                "livepatch: 'any': initializing patching transition",
                "livepatch: 'any': starting patching transition",
                "livepatch: 'any': completing patching transition",
                "livepatch: 'any': patching complete in TIME",
                "OUT % loader a",
                "livepatch: applying patch 'any' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: patched",
                "OUT done");
    }

    /**
     * {@code load --deferred-targets} defers the targets of a jar that does
     * not declare them: without it the command line refuses the jar (status
     * 1), with it the same jar is accepted and patches the class when it loads.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void theCommandLineDefersTargets(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loader-cli-deferred-" + jdk);
        Path fix = Fixtures.patch(dir, "fix", "loaders.fix");
        Run r = run(jdk, "", Fixtures.app(dir), "jar:" + Fixtures.plugin(dir), "cli:load PID " + fix,
                "cli:load PID " + fix + " --deferred-targets", "loader:a", "plugin:a");
        String unknown = unknown("fix", PLUGIN);
        expectEvents(r,
                "OUT % cli load PID fix.jar",
                "livepatch: enabling patch 'fix'",
                "livepatch: failed to enable patch 'fix': " + unknown,
                "OUT cli: jlivepatch VERSION is already loaded in JVM PID",
                "OUT cli stderr: jlivepatch: " + unknown,
                "OUT cli exit 1",
                "OUT % cli load PID fix.jar --deferred-targets",
                "livepatch: enabling patch 'fix'",
                "livepatch: 'fix': no class loader of this JVM can find class " + PLUGIN
                        + " yet; it is patched when it loads",
                "livepatch: 'fix': initializing patching transition",
                "livepatch: 'fix': starting patching transition",
                "livepatch: 'fix': completing patching transition",
                "livepatch: 'fix': patching complete in TIME",
                "OUT cli: jlivepatch VERSION is already loaded in JVM PID",
                "OUT cli: loaded patch 'fix' from " + fix + "; patching transition started",
                "OUT cli: patch 'fix' enabled: patching complete",
                "OUT cli:     " + PLUGIN + ": not loaded (patched when it loads)",
                "OUT cli exit 0",
                "OUT % loader a",
                "livepatch: applying patch 'fix' to loading class '" + PLUGIN + "'",
                "OUT Plugin: clinit in a",
                "OUT Plugin@a.work: patched",
                "OUT done");
    }

    /** The refusal of a target that no class loader can find. */
    static String unknown(String id, String target) {
        return "patch '" + id + "': no class loader of this JVM can find class " + target + " (check @Patch(target);"
                + " for a class of a class loader that does not exist yet, set Livepatch-Deferred-Targets in the"
                + " manifest or load with --deferred-targets)";
    }

    /** What a refusal adds to the Resolver's reason when it comes from a loader that has not loaded the class. */
    static String asLoaderWould(String loader, Path jar) throws Exception {
        return " (class " + PLUGIN + " as class loader '" + loader + "' would load it from jar:" + jar.toUri().toURL()
                + "!/" + PLUGIN.replace('.', '/') + ".class)";
    }

    /** Dates a jar an hour back: a jar there before the JVM started, taken at once. */
    static Path old(Path jar) throws Exception {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        return jar;
    }
}
