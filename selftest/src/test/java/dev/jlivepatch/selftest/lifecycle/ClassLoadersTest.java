package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.anyOrder;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target class defined by several class loaders of the application (one
 * {@code Plugin} class per loader, from a jar off the class path): a patch
 * applies to each, whether it loaded before or after the patch, and a loader
 * that the application drops is collected (the kernel's module going).
 */
class ClassLoadersTest {
    private static final String PLUGIN = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin";

    /**
     * Two copies loaded before the patch and one after it are patched; a
     * failing pre-patch callback refuses only the copy that is loading, and
     * that loader defines the class normally once the patch is disabled.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void patchAppliesInEveryLoader(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-loaders-" + jdk);
        Path app = Fixtures.app(dir);
        Path plugin = Fixtures.plugin(dir);
        Path pl = Fixtures.patch(dir, "pl", "plugin");

        Run r = run(jdk, "", app, "jar:" + plugin, "loader:a", "loader:b", "load:" + pl, "plugin:a", "plugin:b",
                "loader:c", "plugin:c", "set:pre_patch_ret.Plugin=throw", "loader:d", "plugin:a",
                "disable:pl", "plugin:a", "plugin:b", "plugin:c", "plugin:d");
        String refusal = "patch 'pl' failed for class '" + PLUGIN + "', refusing to load class '" + PLUGIN + "'";
        expectEvents(r,
                "OUT % loader a",
                "OUT Plugin: clinit in a",
                "OUT % loader b",
                "OUT Plugin: clinit in b",
                "OUT % load pl.jar",
                "livepatch: enabling patch 'pl'",
                "livepatch: 'pl': initializing patching transition",
                // one binding per loaded class; their order is the JVM's list of loaded classes
                anyOrder(
                        "OUT pl: pre_patch_callback: Plugin@a -> loaded, work()=original",
                        "OUT pl: pre_patch_callback: Plugin@b -> loaded, work()=original"),
                "livepatch: 'pl': starting patching transition",
                "livepatch: 'pl': completing patching transition",
                anyOrder(
                        "OUT pl: post_patch_callback: Plugin@a -> loaded, work()=patched",
                        "OUT pl: post_patch_callback: Plugin@b -> loaded, work()=patched"),
                "livepatch: 'pl': patching complete in TIME",
                "OUT Plugin@a.work: patched",
                "OUT Plugin@b.work: patched",
                // a third copy loading now is patched as it loads
                "OUT % loader c",
                "livepatch: applying patch 'pl' to loading class '" + PLUGIN + "'",
                "OUT pl: pre_patch_callback: Plugin@c -> defining",
                "OUT pl: post_patch_callback: Plugin@c -> loading, work()=patched",
                "OUT Plugin: clinit in c",
                "OUT Plugin@c.work: patched",
                // a fourth is refused, and only that one
                "OUT % set pre_patch_ret.Plugin=throw",
                "OUT % loader d",
                "livepatch: applying patch 'pl' to loading class '" + PLUGIN + "'",
                "OUT pl: pre_patch_callback: Plugin@d -> defining",
                "livepatch: pre-patch callback failed for target '" + PLUGIN + "'",
                "livepatch: " + refusal,
                "livepatch: pre-patch callback dev.jlivepatch.selftest.patches.lifecycle.plugin.PluginPatch.prePatch"
                        + " threw java.lang.IllegalStateException: injected failure",
                "OUT Plugin@d: java.lang.NoClassDefFoundError: " + PLUGIN.replace('.', '/') + " (wrong name: "
                        + refusal.replace('.', '/') + ")",
                "OUT Plugin@a.work: patched",
                "OUT % disable pl",
                "livepatch: 'pl': initializing unpatching transition",
                anyOrder(
                        "OUT pl: pre_unpatch_callback: Plugin@a -> loaded, work()=patched",
                        "OUT pl: pre_unpatch_callback: Plugin@b -> loaded, work()=patched",
                        "OUT pl: pre_unpatch_callback: Plugin@c -> loaded, work()=patched"),
                "livepatch: 'pl': starting unpatching transition",
                "livepatch: 'pl': completing unpatching transition",
                anyOrder(
                        "OUT pl: post_unpatch_callback: Plugin@a -> loaded, work()=original",
                        "OUT pl: post_unpatch_callback: Plugin@b -> loaded, work()=original",
                        "OUT pl: post_unpatch_callback: Plugin@c -> loaded, work()=original"),
                "livepatch: 'pl': unpatching complete in TIME",
                "OUT Plugin@a.work: original",
                "OUT Plugin@b.work: original",
                "OUT Plugin@c.work: original",
                // the refused class was never defined: its loader defines it now, without the patch
                "OUT Plugin: clinit in d",
                "OUT Plugin@d.work: original",
                "OUT done");
    }

    /**
     * Loaders the application drops are collected although their class is
     * patched (the agent holds them weakly), and the agent reports the patch
     * reverted on the unloaded class; a later disable only touches the classes
     * still loaded.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void unloadedLoaderIsCollected(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-unload-" + jdk);
        Path app = Fixtures.app(dir);
        Path plugin = Fixtures.plugin(dir);
        Path pl = Fixtures.patch(dir, "pl", "plugin");

        Run r = run(jdk, "", app, "jar:" + plugin, "loader:u", "load:" + pl, "loader:v", "loader:w", "plugin:u",
                "plugin:v", "plugin:w",
                "unload:u:on unloading class", "plugin:w",
                "unload:v:on unloading class",
                "disable:pl", "plugin:w", "unload:w");
        String reverting = "livepatch: reverting patch 'pl' on unloading class '" + PLUGIN + "'";
        expectEvents(r,
                "OUT % loader u",
                "OUT Plugin: clinit in u",
                "OUT % load pl.jar",
                "livepatch: enabling patch 'pl'",
                "livepatch: 'pl': initializing patching transition",
                "OUT pl: pre_patch_callback: Plugin@u -> loaded, work()=original",
                "livepatch: 'pl': starting patching transition",
                "livepatch: 'pl': completing patching transition",
                "OUT pl: post_patch_callback: Plugin@u -> loaded, work()=patched",
                "livepatch: 'pl': patching complete in TIME",
                "OUT % loader v",
                "livepatch: applying patch 'pl' to loading class '" + PLUGIN + "'",
                "OUT pl: pre_patch_callback: Plugin@v -> defining",
                "OUT pl: post_patch_callback: Plugin@v -> loading, work()=patched",
                "OUT Plugin: clinit in v",
                "OUT % loader w",
                "livepatch: applying patch 'pl' to loading class '" + PLUGIN + "'",
                "OUT pl: pre_patch_callback: Plugin@w -> defining",
                "OUT pl: post_patch_callback: Plugin@w -> loading, work()=patched",
                "OUT Plugin: clinit in w",
                "OUT Plugin@u.work: patched",
                "OUT Plugin@v.work: patched",
                "OUT Plugin@w.work: patched",
                // patched when the patch was enabled: the agent holds neither the class nor its loader
                "OUT % unload u",
                reverting,
                "OUT loader u collected",
                "OUT Plugin@w.work: patched",
                // patched as it loaded
                "OUT % unload v",
                reverting,
                "OUT loader v collected",
                // only the class still loaded gets callbacks (the kernel's TEST3 and TEST4)
                "OUT % disable pl",
                "livepatch: 'pl': initializing unpatching transition",
                "OUT pl: pre_unpatch_callback: Plugin@w -> loaded, work()=patched",
                "livepatch: 'pl': starting unpatching transition",
                "livepatch: 'pl': completing unpatching transition",
                "OUT pl: post_unpatch_callback: Plugin@w -> loaded, work()=original",
                "livepatch: 'pl': unpatching complete in TIME",
                "OUT Plugin@w.work: original",
                // unpatched and stubs removed: collected as well
                "OUT % unload w",
                "OUT loader w collected",
                "OUT done");
    }
}
