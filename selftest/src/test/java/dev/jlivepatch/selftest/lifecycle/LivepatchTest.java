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
 * The kernel's test-livepatch.sh, ported: patches of what {@code /proc/cmdline}
 * and {@code /proc/meminfo} show ({@code Proc}), checked by the application's
 * {@code grep} for the lines that say they have been live patched, in order
 * with the agent's log.
 */
class LivepatchTest {

    /** "basic function patching": one patch, enabled, disabled, removed. Would catch a patch that stays. */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void basicFunctionPatching(Jdk jdk) throws Exception {
        Path dir = Run.workDir("livepatch-basic-" + jdk);
        Path app = Fixtures.app(dir);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");

        Run r = run(jdk, "", app, "grep", "load:" + lp, "grep", "disable:livepatch", "remove:livepatch", "grep");
        List<String> expected = new ArrayList<>(enable("livepatch"));
        expected.add("OUT livepatch: this has been live patched");
        expected.addAll(disableAndRemove("livepatch"));
        expected.add("OUT done");
        expectEvents(r, expected.toArray());
    }

    /**
     * "multiple livepatches": a second patch (not a replace) stacks on the
     * first; both changes show until the second goes. Would catch a second
     * patch that hides or drops the first one's change.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void multipleLivepatches(Jdk jdk) throws Exception {
        Path dir = Run.workDir("livepatch-multiple-" + jdk);
        Path app = Fixtures.app(dir);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");
        Path ar = Fixtures.patch(dir, "atomic_replace", "proc.replace", "Livepatch-Replace", "false");

        Run r = run(jdk, "", app, "grep", "load:" + lp, "grep", "load:" + ar, "grep", "disable:atomic_replace",
                "remove:atomic_replace", "grep", "disable:livepatch", "remove:livepatch", "grep");
        List<String> expected = new ArrayList<>(enable("livepatch"));
        expected.add("OUT livepatch: this has been live patched");
        expected.addAll(enable("atomic_replace"));
        expected.add("OUT livepatch: this has been live patched");
        expected.add("OUT atomic_replace: this has been live patched");
        expected.addAll(disableAndRemove("atomic_replace"));
        expected.add("OUT livepatch: this has been live patched");
        expected.addAll(disableAndRemove("livepatch"));
        expected.add("OUT done");
        expectEvents(r, expected.toArray());
    }

    /**
     * "atomic replace livepatch", with a stack of three under it: patches of
     * cmdline, of version, and of both (stacked on the first two); then a
     * replace patch of meminfo alone. Once it completes only its change shows
     * (the others' methods run their original code: NOP entries during the
     * transition), it is the only patch left, at stack order 1, and the
     * replaced ones are gone (nothing to remove, as the kernel frees them).
     * Disabled, nothing is patched: the old stack does not come back. Would
     * catch a replaced patch that stays enabled or registered, a method only
     * the replaced patches changed that keeps their code, a stack order that
     * does not close up, or a disable that restores the replaced patches.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void atomicReplaceLivepatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("livepatch-replace-" + jdk);
        Path app = Fixtures.app(dir);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");
        Path version = Fixtures.patch(dir, "version", "proc.version");
        Path stacked = Fixtures.patch(dir, "stacked", "proc.stacked");
        Path ar = Fixtures.patch(dir, "atomic_replace", "proc.replace", "Livepatch-Replace", "true");

        Run r = run(jdk, "", app, "grep", "load:" + lp, "grep", "load:" + version, "load:" + stacked, "grep", "patches",
                "load:" + ar, "grep", "patches", "sysfs:atomic_replace", "sysfs:livepatch", "remove:livepatch",
                "grep", "disable:atomic_replace", "remove:atomic_replace", "grep", "patches");
        List<String> expected = new ArrayList<>(enable("livepatch"));
        expected.add("OUT livepatch: this has been live patched");
        expected.addAll(enable("version"));
        expected.addAll(enable("stacked"));
        expected.addAll(List.of(
                "OUT stacked: this has been live patched",
                "OUT stacked: this has been live patched",
                "OUT patches: 1:livepatch 2:version 3:stacked"));
        expected.addAll(enable("atomic_replace"));
        expected.addAll(List.of(
                "OUT atomic_replace: this has been live patched",
                "OUT patches: 1:atomic_replace",
                "OUT sysfs atomic_replace: enabled=1 transition=0 replace=1 stack_order=1",
                "OUT sysfs livepatch: not loaded",
                // the kernel's rmmod of the replaced module: its patch is gone already
                "OUT % remove livepatch",
                "OUT refused: no patch 'livepatch' is loaded",
                "OUT atomic_replace: this has been live patched"));
        expected.addAll(disableAndRemove("atomic_replace"));
        expected.add("OUT patches: none");
        expected.add("OUT done");
        expectEvents(r, expected.toArray());
    }

    /** Loading a patch with no callbacks, as the kernel logs it. */
    static List<String> enable(String id) {
        return List.of(
                "OUT % load " + id + ".jar",
                "livepatch: enabling patch '" + id + "'",
                "livepatch: '" + id + "': initializing patching transition",
                "livepatch: '" + id + "': starting patching transition",
                "livepatch: '" + id + "': completing patching transition",
                "livepatch: '" + id + "': patching complete in TIME");
    }

    /** Disabling and removing a patch with no callbacks. */
    static List<String> disableAndRemove(String id) {
        return List.of(
                "OUT % disable " + id,
                "livepatch: '" + id + "': initializing unpatching transition",
                "livepatch: '" + id + "': starting unpatching transition",
                "livepatch: '" + id + "': completing unpatching transition",
                "livepatch: '" + id + "': unpatching complete in TIME",
                "OUT % remove " + id);
    }
}
