package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

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
 * The kernel's callback selftests (test-callbacks.sh), ported: the order of
 * the four callbacks around the transitions, targets loading after their
 * patch (module coming), and pre-patch callbacks that refuse a patch or a
 * loading class; and, with a busy target whose work function a thread sits
 * in (TEST8, TEST9), a target loading while the transition is stalled;
 * and an atomic replace (TEST11). TEST3, TEST4, TEST5 and the going step of
 * TEST9, with a target module in a class loader of its own, are in
 * {@link CallbacksModulesTest}.
 */
class CallbacksTest {
    private static final String TARGET = "dev.jlivepatch.selftest.apps.lifecycle.Target";
    private static final String LATE = "dev.jlivepatch.selftest.apps.lifecycle.Late";
    private static final String CALLBACK = "dev.jlivepatch.selftest.patches.lifecycle.callbacks.";

    /** TEST1: target loaded, patch loaded, disabled, removed. */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void targetLoadedBeforePatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test1-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");

        Run r = run(jdk, "", app, "target", "load:" + cb, "target", "disable:cb", "target", "remove:cb", "late");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Target.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT Target.work: original",
                "OUT % remove cb",
                "OUT Late: clinit",
                "OUT Late.work: original",
                "OUT done");
    }

    /**
     * TEST2 and TEST4: the patch is enabled at startup, its targets load later;
     * each is patched as it loads, its callbacks running before its own class
     * initialiser.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void targetLoadsAfterPatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test2-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");

        Run r = run(jdk, "patch=" + cb, app, "target", "target", "disable:cb", "late", "enable:cb", "disable:cb");
        expectEvents(r,
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "livepatch: 'cb': patching complete in TIME",
                "livepatch: applying patch 'cb' to loading class '" + TARGET + "'",
                "OUT cb: pre_patch_callback: Target -> defining",
                "OUT cb: post_patch_callback: Target -> loading, work()=patched",
                "OUT Target: clinit",
                "OUT Target.work: patched",
                "OUT Target.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                // disabled: a target loading now is left alone
                "OUT Late: clinit",
                "OUT Late.work: original",
                // enabled again: both targets are loaded now
                "OUT % enable cb",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Late -> loaded, work()=original",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Late -> loaded, work()=patched",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Late -> loaded, work()=patched",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Late -> loaded, work()=original",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT done");
    }

    /**
     * TEST6: a pre-patch callback of a loaded target fails (returns false, then
     * throws): the patch is refused, the targets whose pre-patch callback ran
     * get their post-unpatch callback, and nothing changes in the application.
     * Once the callback agrees, the same jar loads.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void failingPrePatchRefusesPatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test6-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");

        Run r = run(jdk, "", app, "late", "target",
                "set:pre_patch_ret.Target=false", "load:" + cb, "late", "target",
                "set:pre_patch_ret.Target=throw", "load:" + cb, "late", "target",
                "set:pre_patch_ret.Target=true", "load:" + cb, "late", "target");
        String falseReason = "pre-patch callback " + CALLBACK + "TargetPatch.prePatch returned false";
        String threwReason = "pre-patch callback " + CALLBACK + "TargetPatch.prePatch threw"
                + " java.lang.IllegalStateException: injected failure";
        List<Object> expected = new ArrayList<>(List.of(
                "OUT Late: clinit",
                "OUT Late.work: original",
                "OUT Target: clinit",
                "OUT Target.work: original"));
        expected.addAll(refusedLoad("false", falseReason));
        expected.addAll(refusedLoad("throw", threwReason));
        expected.addAll(List.of(
                // the refused patch left nothing behind: the same jar (same id) loads now
                "OUT % set pre_patch_ret.Target=true",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Late -> loaded, work()=original",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Late -> loaded, work()=patched",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Late.work: patched",
                "OUT Target.work: patched",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    /**
     * One refused load of cb.jar, the kernel's TEST6: Target's pre-patch callback
     * fails (as {@code setting} says) after Late's ran, so Late gets its
     * post-unpatch callback and both targets still run the original.
     */
    private static List<String> refusedLoad(String setting, String reason) {
        String refusal = "patch 'cb': " + reason + " for target '" + TARGET + "'";
        return List.of(
                "OUT % set pre_patch_ret.Target=" + setting,
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Late -> loaded, work()=original",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: pre-patch callback failed for target '" + TARGET + "'",
                "livepatch: " + reason,
                "livepatch: failed to enable patch 'cb': " + refusal,
                "livepatch: 'cb': canceling patching transition, going to unpatch",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Late -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete",
                "OUT refused: " + refusal,
                "OUT Late.work: original",
                "OUT Target.work: original");
    }

    /**
     * TEST7: a pre-patch callback fails for a class loading after the patch:
     * that class's definition is refused (the application gets an error where
     * it touches it), and the patch stays enabled for its other targets. As in
     * the kernel, where a refused module can be loaded again once the patch is
     * gone, the class was never defined: once the patch is disabled, the same
     * class loader loads and initialises it normally (through a new lookup;
     * the code that met the refusal keeps its failed resolution, JVMS 5.4.3).
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void failingPrePatchRefusesLoadingClass(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test7-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");

        Run r = run(jdk, "patch=" + cb, app, "target", "set:pre_patch_ret.Late=false", "late", "late", "target",
                "targets:cb", "disable:cb", "targets:cb", "lateByName", "late", "remove:cb", "target");
        String refusal = "patch 'cb' failed for class '" + LATE + "', refusing to load class '" + LATE + "'";
        String reason = "pre-patch callback " + CALLBACK + "LatePatch.prePatch returned false";
        String error = "java.lang.NoClassDefFoundError: " + LATE.replace('.', '/') + " (wrong name: "
                + refusal.replace('.', '/') + ")";
        expectEvents(r,
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "livepatch: 'cb': patching complete in TIME",
                "livepatch: applying patch 'cb' to loading class '" + TARGET + "'",
                "OUT cb: pre_patch_callback: Target -> defining",
                "OUT cb: post_patch_callback: Target -> loading, work()=patched",
                "OUT Target: clinit",
                "OUT Target.work: patched",
                "OUT % set pre_patch_ret.Late=false",
                "livepatch: applying patch 'cb' to loading class '" + LATE + "'",
                "OUT cb: pre_patch_callback: Late -> defining",
                "livepatch: pre-patch callback failed for target '" + LATE + "'",
                "livepatch: " + refusal,
                "livepatch: " + reason,
                // the class was never defined, so its own initialiser never ran
                "OUT Late: " + error,
                // the same code meets the same error: the JVM keeps a failed resolution
                "OUT Late: " + error,
                // still enabled for its other target
                "OUT Target.work: patched",
                "OUT targets: Late (app) patched=false refused: " + reason,
                "OUT targets: Target (app) patched=true",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT targets: Late (app) patched=false refused: " + reason,
                "OUT targets: Target (app) patched=false",
                // the patch is gone from loading classes: the same loader defines and initialises Late
                "OUT Late: clinit",
                "OUT Late.work: original",
                "OUT Late: " + error,
                "OUT % remove cb",
                "OUT Target.work: original",
                "OUT done");
    }

    /** TEST10: two stacked patches with callbacks, enabled and disabled in stack order. */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void stackedPatches(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test10-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");
        Path cb2 = Fixtures.patch(dir, "cb2", "callbacks2");

        Run r = run(jdk, "", app, "target", "load:" + cb, "target", "load:" + cb2, "target",
                "disable:cb2", "target", "disable:cb", "target");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Target.work: patched",
                "OUT % load cb2.jar",
                "livepatch: enabling patch 'cb2'",
                "livepatch: 'cb2': initializing patching transition",
                "OUT cb2: pre_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb2': starting patching transition",
                "livepatch: 'cb2': completing patching transition",
                "OUT cb2: post_patch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb2': patching complete in TIME",
                "OUT Target.work: patched2",
                "OUT % disable cb2",
                "livepatch: 'cb2': initializing unpatching transition",
                "OUT cb2: pre_unpatch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb2': starting unpatching transition",
                "livepatch: 'cb2': completing unpatching transition",
                "OUT cb2: post_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb2': unpatching complete in TIME",
                "OUT Target.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT Target.work: original",
                "OUT done");
    }

    /**
     * TEST11, "atomic replace": a second patch with callbacks, loaded as an
     * atomic replace ({@code Livepatch-Replace: true}), takes the first one's
     * place: only its callbacks run, the first patch's unpatch callbacks
     * never do, and the first is gone (nothing left to remove; a target
     * loading later does not get it). Disabled, the replace patch runs its
     * own unpatch callbacks and leaves the original code, not the first
     * patch's. Would catch a replaced patch whose callbacks run, that stays
     * registered or applied to loading classes, or that comes back when the
     * replace patch is disabled.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void atomicReplace(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test11-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");
        Path cb2 = Fixtures.patch(dir, "cb2", "callbacks2", "Livepatch-Replace", "true");

        Run r = run(jdk, "", app, "target", "load:" + cb, "load:" + cb2, "target", "state:cb", "disable:cb2",
                "target", "remove:cb2", "remove:cb", "late");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT % load cb2.jar",
                "livepatch: enabling patch 'cb2'",
                "livepatch: 'cb2': initializing patching transition",
                "OUT cb2: pre_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb2': starting patching transition",
                "livepatch: 'cb2': completing patching transition",
                "OUT cb2: post_patch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb2': patching complete in TIME",
                "OUT Target.work: patched2",
                "OUT state cb: not loaded",
                "OUT % disable cb2",
                "livepatch: 'cb2': initializing unpatching transition",
                "OUT cb2: pre_unpatch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb2': starting unpatching transition",
                "livepatch: 'cb2': completing unpatching transition",
                "OUT cb2: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb2': unpatching complete in TIME",
                "OUT Target.work: original",
                "OUT % remove cb2",
                // the kernel's rmmod of the replaced module: its patch was freed with the replace
                "OUT % remove cb",
                "OUT refused: no patch 'cb' is loaded",
                "OUT Late: clinit",
                "OUT Late.work: original",
                "OUT done");
    }

    /**
     * TEST8, "multiple target modules": the busy target's work function ran
     * and returned before the patch loaded, so nothing blocks the transition;
     * a second target (Plugin, in a class loader of its own) loading
     * afterwards gets both its callbacks as it loads, then goes (its loader
     * collected) while the patch is enabled, and the disable runs callbacks
     * for the busy target alone.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void busyTargetIdleWhenPatched(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test8-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = CallbacksModulesTest.busyWithPlugin(dir);

        Run r = run(jdk, "", app, "jar:" + Fixtures.plugin(dir), "busy:0", "load:" + cb, "await", "loader:m",
                "plugin:m", "unload:m:on unloading class", "disable:cb", "await", "remove:cb");
        expectEvents(r,
                "OUT % busy 0",
                "OUT Busy: clinit",
                "OUT Busy: work_func, sleeping 0 seconds ...",
                "OUT Busy: work_func exit",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                CallbacksModulesTest.DEFERRED,
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Busy -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT % loader m",
                "livepatch: applying patch 'cb' to loading class '" + CallbacksModulesTest.PLUGIN + "'",
                "OUT cb: pre_patch_callback: Plugin@m -> defining",
                "OUT cb: post_patch_callback: Plugin@m -> loading, work()=patched",
                "OUT Plugin: clinit in m",
                "OUT Plugin@m.work: patched",
                "OUT % unload m",
                CallbacksModulesTest.REVERTING,
                "OUT loader m collected",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Busy -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT done");
    }

    /**
     * TEST9: a thread sits in the busy target's work function, so the
     * patching transition stalls. A target loading meanwhile gets its
     * pre-patch callback as it loads, but no post-patch callback: the
     * transition has not completed. Disabling the patch reverses the
     * transition, which completes at once (no thread runs patched code), and
     * every target, the loaded-late one too, gets its post-unpatch callback.
     * Released, the busy thread leaves the original work function.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void targetLoadingDuringStalledTransitionThenReversed(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test9-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = busyPatch(dir);

        Run r = run(jdk, "", app, "busy:park", "load:" + cb, "late", "disable:cb", "await", "late", "remove:cb",
                "release");
        expectEvents(r,
                "OUT % busy park",
                "OUT Busy: clinit",
                "OUT Busy: work_func, waiting ...",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: applying patch 'cb' to loading class '" + LATE + "'",
                "OUT cb: pre_patch_callback: Late -> defining",
                "OUT Late: clinit",
                // the main thread holds no old frame: it has switched already
                "OUT Late.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': reversing transition from patching to unpatching",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Busy -> loaded, work()=original",
                "OUT cb: post_unpatch_callback: Late -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT Late.work: original",
                "OUT % remove cb",
                "OUT % release",
                "OUT Busy: work_func exit",
                "OUT done");
    }

    /**
     * TEST9 without the reversal: the stalled transition completes once the
     * busy thread leaves its work function, and only then do the busy target
     * and the target that loaded meanwhile get their post-patch callbacks.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void targetLoadingDuringStalledTransitionThenCompleted(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test9b-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = busyPatch(dir);

        Run r = run(jdk, "", app, "busy:park", "load:" + cb, "late", "release", "await", "late", "disable:cb",
                "await", "remove:cb");
        expectEvents(r,
                "OUT % busy park",
                "OUT Busy: clinit",
                "OUT Busy: work_func, waiting ...",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: applying patch 'cb' to loading class '" + LATE + "'",
                "OUT cb: pre_patch_callback: Late -> defining",
                "OUT Late: clinit",
                "OUT Late.work: patched",
                "OUT % release",
                "OUT Busy: work_func exit",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Busy -> loaded, work()=patched",
                "OUT cb: post_patch_callback: Late -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Late.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Busy -> loaded, work()=patched",
                "OUT cb: pre_unpatch_callback: Late -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Busy -> loaded, work()=original",
                "OUT cb: post_unpatch_callback: Late -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT done");
    }

    /** The kernel's callback demo with the busy target: patches Busy, Late and Target, in that order. */
    private static Path busyPatch(Path dir) throws java.io.IOException {
        return Jars.patch(dir.resolve("cb.jar"), "cb", Map.of(), Fixtures.PATCHES + "busy",
                Fixtures.PATCHES + "callbacks", Fixtures.COMMON);
    }
}
