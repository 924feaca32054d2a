package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of the kernel's test-callbacks.sh where the target module is not
 * there or goes: not loaded at all (TEST5), or unloaded while its patch is
 * enabled (TEST3, TEST4, and TEST9's going step). Here the module is
 * {@code Plugin} in a class loader of its own, which the application creates
 * ({@code loader:NAME}), drops, and which is then collected
 * ({@code unload:NAME}); {@code Target}, always loaded, stands for vmlinux. As the kernel, the agent reports the patch reverted on the class
 * that went, and later callbacks run only for the targets still loaded.
 * Unlike the kernel, no unpatch callback runs for the class that went: the
 * JVM reports a class unloaded only once its loader has been collected, with
 * the patch code bound to it (see docs/callbacks.md).
 */
class CallbacksModulesTest {
    static final String PLUGIN = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin";
    static final String REVERTING = "livepatch: reverting patch 'cb' on unloading class '" + PLUGIN + "'";
    static final String DEFERRED = "livepatch: 'cb': no class loader of this JVM can find class " + PLUGIN
            + " yet; it is patched when it loads";

    /**
     * TEST3, "module_going notifier": target loaded, patch loaded, target
     * unloaded, patch disabled. Would catch a class that the patch keeps
     * from being collected, a missing report, or unpatch callbacks run for a
     * class that is gone.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void moduleGoingNotifier(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test3-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = callbacksWithPlugin(dir);

        Run r = run(jdk, "", app, "target", "jar:" + Fixtures.plugin(dir), "loader:m", "load:" + cb, "plugin:m",
                "unload:m:on unloading class", "target", "disable:cb", "remove:cb");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % loader m",
                "OUT Plugin: clinit in m",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "OUT cb: pre_patch_callback: Plugin@m -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "OUT cb: post_patch_callback: Plugin@m -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Plugin@m.work: patched",
                "OUT % unload m",
                REVERTING,
                "OUT loader m collected",
                "OUT Target.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT done");
    }

    /**
     * TEST4, "module_coming and module_going notifiers": patch loaded, target
     * loaded (patched as it loads), target unloaded, patch disabled. Would
     * catch a class patched as it loaded that the agent keeps alive, or whose
     * going is not reported.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void moduleComingAndGoingNotifiers(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test4-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = callbacksWithPlugin(dir);

        Run r = run(jdk, "", app, "target", "jar:" + Fixtures.plugin(dir), "load:" + cb, "loader:m", "plugin:m",
                "unload:m:on unloading class", "target", "disable:cb", "remove:cb");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                DEFERRED,
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT % loader m",
                "livepatch: applying patch 'cb' to loading class '" + PLUGIN + "'",
                "OUT cb: pre_patch_callback: Plugin@m -> defining",
                "OUT cb: post_patch_callback: Plugin@m -> loading, work()=patched",
                "OUT Plugin: clinit in m",
                "OUT Plugin@m.work: patched",
                "OUT % unload m",
                REVERTING,
                "OUT loader m collected",
                "OUT Target.work: patched",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT done");
    }

    /**
     * TEST5, "target module not present": the patch's module target is in no
     * class loader (deferred, as the kernel accepts a patch for a module not
     * loaded), so only the loaded target's callbacks run. Would catch
     * callbacks run for a target that is not there.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void targetModuleNotPresent(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test5-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = callbacksWithPlugin(dir);

        Run r = run(jdk, "", app, "target", "load:" + cb, "disable:cb", "remove:cb");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                DEFERRED,
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT done");
    }

    /**
     * TEST9, "busy target module", with its going step: a thread sits in the
     * busy target's work function, so the patching transition stalls; a
     * target loading meanwhile gets its pre-patch callback only, then goes
     * while the transition is still stalled. Disabling the patch reverses the
     * transition; post-unpatch callbacks run for the busy target alone. Would
     * catch a stalled transition that keeps a class (and its loader) from
     * being collected, or a callback run for a class that went.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void busyTargetModuleGoing(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-test9-going-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = busyWithPlugin(dir);

        Run r = run(jdk, "", app, "jar:" + Fixtures.plugin(dir), "busy:park", "load:" + cb, "loader:m",
                "plugin:m", "unload:m:on unloading class", "state:cb", "disable:cb", "await", "remove:cb",
                "release");
        expectEvents(r,
                "OUT % busy park",
                "OUT Busy: clinit",
                "OUT Busy: work_func, waiting ...",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                DEFERRED,
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "OUT % loader m",
                "livepatch: applying patch 'cb' to loading class '" + PLUGIN + "'",
                "OUT cb: pre_patch_callback: Plugin@m -> defining",
                "OUT Plugin: clinit in m",
                // the main thread holds no old frame: it has switched already
                "OUT Plugin@m.work: patched",
                "OUT % unload m",
                REVERTING,
                "OUT loader m collected",
                "OUT state cb: enabled=true transition=patching",
                "OUT % disable cb",
                "livepatch: 'cb': reversing transition from patching to unpatching",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Busy -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT % remove cb",
                "OUT % release",
                "OUT Busy: work_func exit",
                "OUT done");
    }

    /** The callbacks demo (Late, Target) and Plugin, which may be missing when the patch loads. */
    static Path callbacksWithPlugin(Path dir) throws IOException {
        return Jars.patch(dir.resolve("cb.jar"), "cb", Map.of("Livepatch-Deferred-Targets", PLUGIN),
                Fixtures.PATCHES + "callbacks", Fixtures.PATCHES + "plugin", Fixtures.COMMON);
    }

    /** The callbacks demo with the busy target (Busy, Late, Target), and Plugin, which loads later. */
    static Path busyWithPlugin(Path dir) throws IOException {
        return Jars.patch(dir.resolve("cb.jar"), "cb", Map.of("Livepatch-Deferred-Targets", PLUGIN),
                Fixtures.PATCHES + "busy", Fixtures.PATCHES + "callbacks", Fixtures.PATCHES + "plugin",
                Fixtures.COMMON);
    }
}
