package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What docs/replace.md promises past the kernel's selftests: an atomic replace
 * whose transition is reversed leaves the stack as it was, and a new version
 * of a loaded patch id takes the old version's place in one transition (the
 * same content again changes nothing).
 */
class AtomicReplaceTest {

    /**
     * A replace patch ({@code bz}, the busy target's patch) loads over
     * {@code cb} while a thread sits in the busy work function, so its
     * transition stalls; meanwhile the main thread, switched, runs the NOP
     * that stands for {@code cb}'s change (the original). Disabling {@code bz}
     * reverses the transition: {@code cb} is applied again, untouched (no
     * callback of its runs), {@code bz} is disabled with its post-unpatch
     * callback and can be removed. Would catch a reversed replace that drops
     * the replaced patch, runs its callbacks, or leaves the NOP in place.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aReversedReplaceRestoresTheStack(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-replace-reversed-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");
        Path bz = Fixtures.patch(dir, "bz", "busy", "Livepatch-Replace", "true");

        Run r = run(jdk, "", app, "target", "load:" + cb, "busy:park", "load:" + bz, "target", "sysfs:cb",
                "sysfs:bz", "disable:bz", "await", "target", "sysfs:cb", "sysfs:bz", "remove:bz", "release",
                "patches");
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
                "OUT % busy park",
                "OUT Busy: clinit",
                "OUT Busy: work_func, waiting ...",
                "OUT % load bz.jar",
                "livepatch: enabling patch 'bz'",
                "livepatch: 'bz': initializing patching transition",
                "OUT bz: pre_patch_callback: Busy -> loaded, work()=original",
                "livepatch: 'bz': starting patching transition",
                // the main thread has switched: cb's change is replaced by a NOP, the original
                "OUT Target.work: original",
                "OUT sysfs cb: enabled=1 transition=0 replace=0 stack_order=1",
                "OUT sysfs bz: enabled=1 transition=1 replace=1 stack_order=2",
                "OUT % disable bz",
                "livepatch: 'bz': reversing transition from patching to unpatching",
                "livepatch: 'bz': starting unpatching transition",
                "livepatch: 'bz': completing unpatching transition",
                "OUT bz: post_unpatch_callback: Busy -> loaded, work()=original",
                "livepatch: 'bz': unpatching complete in TIME",
                // the stack as it was: cb applied, enabled, first
                "OUT Target.work: patched",
                "OUT sysfs cb: enabled=1 transition=0 replace=0 stack_order=1",
                "OUT sysfs bz: enabled=0 transition=0 replace=1 stack_order=2",
                "OUT % remove bz",
                "OUT % release",
                "OUT Busy: work_func exit",
                "OUT patches: 1:cb",
                "OUT done");
    }

    /**
     * Loading a jar whose {@code Livepatch-Id} is loaded already: the same
     * content changes nothing (and says so); new content is a new version
     * that takes the old one's place on the stack in one transition, with
     * only its own callbacks. Would catch a second copy of the id on the
     * stack, an upgrade that runs the old version's unpatch callbacks, or
     * one that moves the patch to the top of the stack.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aNewVersionOfAPatchTakesTheOldOnesPlace(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-upgrade-" + jdk);
        Path app = Fixtures.app(dir);
        Path cb = Fixtures.patch(dir, "cb", "callbacks");
        Path v2 = Run.workDir("lifecycle-upgrade-v2-" + jdk); // the same jar name, other content
        Path cbV2 = Jars.patch(v2.resolve("cb.jar"), "cb", Map.of(), Fixtures.PATCHES + "callbacks2",
                Fixtures.COMMON);
        Path lp = Fixtures.patch(dir, "livepatch", "proc.livepatch");

        Run r = run(jdk, "", app, "target", "grep", "load:" + cb, "load:" + lp, "load:" + cb, "load:" + cbV2,
                "target", "patches", "disable:cb", "target", "grep");
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
                "OUT % load livepatch.jar",
                "livepatch: enabling patch 'livepatch'",
                "livepatch: 'livepatch': initializing patching transition",
                "livepatch: 'livepatch': starting patching transition",
                "livepatch: 'livepatch': completing patching transition",
                "livepatch: 'livepatch': patching complete in TIME",
                "OUT % load cb.jar",
                "livepatch: patch 'cb' is loaded already with the same content: nothing changes",
                "OUT % load cb.jar",
                "livepatch: patch 'cb': a new version takes over from the loaded one",
                "livepatch: enabling patch 'cb'",
                "livepatch: 'cb': initializing patching transition",
                "OUT cb: pre_patch_callback: Target -> loaded, work()=patched",
                "livepatch: 'cb': starting patching transition",
                "livepatch: 'cb': completing patching transition",
                "OUT cb: post_patch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb': patching complete in TIME",
                "OUT Target.work: patched2",
                // one cb, still below livepatch
                "OUT patches: 1:cb 2:livepatch",
                "OUT % disable cb",
                "livepatch: 'cb': initializing unpatching transition",
                "OUT cb: pre_unpatch_callback: Target -> loaded, work()=patched2",
                "livepatch: 'cb': starting unpatching transition",
                "livepatch: 'cb': completing unpatching transition",
                "OUT cb: post_unpatch_callback: Target -> loaded, work()=original",
                "livepatch: 'cb': unpatching complete in TIME",
                "OUT Target.work: original",
                "OUT livepatch: this has been live patched",
                "OUT done");
    }
}
