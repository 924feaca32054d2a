package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel's test-sysfs.sh, ported: the attributes the kernel shows under
 * {@code /sys/kernel/livepatch/ID}, read from the agent's MBean as a JMX
 * client sees them ({@code Patches}: {@code enabled}, {@code transition},
 * {@code replace}, {@code stackOrder}, and per target class and loader
 * {@code loaded} and {@code patched}), printed in the kernel's 0/1 form in
 * order with the agent's log. The kernel's checks of file permissions have
 * no counterpart: MBean attributes are read-only, and changes go through its
 * operations.
 */
class SysfsTest {

    /**
     * "sysfs test": a loaded patch is enabled, not in transition, and its
     * object patched; disabled, neither; removed, gone. Would catch an
     * attribute that lags behind the command.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void sysfsTest(Jdk jdk) throws Exception {
        Path dir = Run.workDir("sysfs-basic-" + jdk);
        Path app = Fixtures.app(dir);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");

        Run r = run(jdk, "", app, "grep", "load:" + lp, "sysfs:livepatch", "object:livepatch/Proc",
                "disable:livepatch", "sysfs:livepatch", "object:livepatch/Proc", "remove:livepatch",
                "sysfs:livepatch");
        List<String> expected = new ArrayList<>(LivepatchTest.enable("livepatch"));
        expected.addAll(List.of(
                "OUT sysfs livepatch: enabled=1 transition=0 replace=0 stack_order=1",
                "OUT object livepatch/Proc (app): loaded=1 patched=1"));
        expected.addAll(LivepatchTest.disableAndRemove("livepatch").subList(0, 5));
        expected.addAll(List.of(
                "OUT sysfs livepatch: enabled=0 transition=0 replace=0 stack_order=1",
                "OUT object livepatch/Proc (app): loaded=1 patched=0",
                "OUT % remove livepatch",
                "OUT sysfs livepatch: not loaded",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    /**
     * "sysfs test object/patched": an object is unpatched while its module
     * is not loaded, patched once it loads, and unpatched again (not loaded)
     * once it went: here Plugin, in a class loader that is created, then
     * dropped and collected. Would catch a target listed as patched that no
     * loader has, or a collected class still listed.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void sysfsTestObjectPatched(Jdk jdk) throws Exception {
        Path dir = Run.workDir("sysfs-object-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = CallbacksModulesTest.callbacksWithPlugin(dir);

        Run r = run(jdk, "", app, "target", "jar:" + Fixtures.plugin(dir), "load:" + cb, "object:cb/Plugin",
                "loader:m", "object:cb/Plugin", "unload:m:on unloading class", "object:cb/Plugin", "disable:cb",
                "remove:cb");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load cb.jar",
                "livepatch: enabling patch 'cb'",
                CallbacksModulesTest.DEFERRED,
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': patching complete in TIME",
                "OUT object cb/Plugin (-): loaded=0 patched=0",
                "OUT % loader m",
                "livepatch: applying patch 'cb' to loading class '" + CallbacksModulesTest.PLUGIN + "'",
                "OUT cb: pre_patch_callback: Plugin@m -> defining",
                "OUT cb: post_patch_callback: Plugin@m -> loading, work()=patched",
                "OUT Plugin: clinit in m",
                "OUT object cb/Plugin (m): loaded=1 patched=1",
                "OUT % unload m",
                CallbacksModulesTest.REVERTING,
                "OUT loader m collected",
                "OUT object cb/Plugin (-): loaded=0 patched=0",
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
     * "sysfs test replace enabled" and "replace disabled": {@code replace} is
     * 1 for a jar with {@code Livepatch-Replace: true}, 0 without it. Would
     * catch the flag lost or inverted between the manifest and the MBean.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void sysfsTestReplace(Jdk jdk) throws Exception {
        for (String replace : List.of("true", "false")) {
            Path dir = Run.workDir("sysfs-replace-" + replace + "-" + jdk);
            Path app = Fixtures.app(dir);
            Path ar = Fixtures.patch(dir, "atomic_replace", "proc.replace", "Livepatch-Replace", replace);

            Run r = run(jdk, "", app, "grep", "load:" + ar, "sysfs:atomic_replace", "disable:atomic_replace",
                    "remove:atomic_replace");
            List<String> expected = new ArrayList<>(LivepatchTest.enable("atomic_replace"));
            expected.add("OUT sysfs atomic_replace: enabled=1 transition=0 replace=" + (replace.equals("true") ? 1 : 0)
                    + " stack_order=1");
            expected.addAll(LivepatchTest.disableAndRemove("atomic_replace"));
            expected.add("OUT done");
            expectEvents(r, expected.toArray());
        }
    }

    /**
     * "sysfs test stack_order value": three patches are 1, 2 and 3 in the
     * order they loaded; once the middle one is disabled and removed the
     * order closes up, 1 and 2; the order is the stack: the top patch's
     * change still shows. Would catch an order kept by load count, or a gap
     * left by the removed patch.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void sysfsTestStackOrder(Jdk jdk) throws Exception {
        Path dir = Run.workDir("sysfs-stack-order-" + jdk);
        Path app = Fixtures.app(dir);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");
        Path version = Fixtures.patch(dir, "version", "proc.version");
        Path stacked = Fixtures.patch(dir, "stacked", "proc.stacked");

        Run r = run(jdk, "", app, "grep", "load:" + lp, "sysfs:livepatch", "load:" + version, "sysfs:version",
                "load:" + stacked, "sysfs:stacked", "disable:version", "remove:version", "sysfs:livepatch",
                "sysfs:stacked", "grep");
        List<String> expected = new ArrayList<>(LivepatchTest.enable("livepatch"));
        expected.add("OUT sysfs livepatch: enabled=1 transition=0 replace=0 stack_order=1");
        expected.addAll(LivepatchTest.enable("version"));
        expected.add("OUT sysfs version: enabled=1 transition=0 replace=0 stack_order=2");
        expected.addAll(LivepatchTest.enable("stacked"));
        expected.add("OUT sysfs stacked: enabled=1 transition=0 replace=0 stack_order=3");
        expected.addAll(LivepatchTest.disableAndRemove("version"));
        expected.addAll(List.of(
                "OUT sysfs livepatch: enabled=1 transition=0 replace=0 stack_order=1",
                "OUT sysfs stacked: enabled=1 transition=0 replace=0 stack_order=2",
                "OUT stacked: this has been live patched",
                "OUT stacked: this has been live patched",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }
}
