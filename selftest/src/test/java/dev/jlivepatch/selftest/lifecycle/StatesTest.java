package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Patch states (the kernel's {@code klp_state} and its test_klp_state
 * selftests): patches declare state 1 in {@code Livepatch-States}, each takes
 * over the data of the enabled patch below it, and a patch declaring an older
 * version of the state than an enabled patch is refused.
 */
class StatesTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void statesAreHandedOverAndVersionsChecked(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-states-" + jdk);
        Path app = Fixtures.app(dir);
        Path st1 = Fixtures.patch(dir, "st1", "states", "Livepatch-States", "1:1");
        Path st2 = Fixtures.patch(dir, "st2", "states", "Livepatch-States", "1:2");
        Path st3 = Fixtures.patch(dir, "st3", "states", "Livepatch-States", "1:1");

        Run r = run(jdk, "", app, "target", "load:" + st1, "target", "load:" + st2, "target",
                "load:" + st3, "target", "disable:st2", "remove:st2", "target", "load:" + st3, "target");
        expectEvents(r,
                "OUT Target: clinit",
                "OUT Target.work: original",
                "OUT % load st1.jar",
                "livepatch: enabling patch 'st1'",
                "livepatch: 'st1': initializing patching transition",
                "OUT st1: pre_patch_callback: state 1 version 1, previous none",
                "livepatch: 'st1': starting patching transition",
                "livepatch: 'st1': completing patching transition",
                "livepatch: 'st1': patching complete in TIME",
                "OUT Target.work: state data st1",
                // a newer version takes over the data
                "OUT % load st2.jar",
                "livepatch: enabling patch 'st2'",
                "livepatch: 'st2': initializing patching transition",
                "OUT st2: pre_patch_callback: state 1 version 2, previous version 1 data st1",
                "livepatch: 'st2': starting patching transition",
                "livepatch: 'st2': completing patching transition",
                "livepatch: 'st2': patching complete in TIME",
                "OUT Target.work: state data st1>st2",
                // an older version is refused before anything runs
                "OUT % load st3.jar",
                "livepatch: Livepatch patch (st3) is not compatible with the already installed livepatches.",
                "OUT refused: patch 'st3' is not compatible with the already installed patches: it declares state 1"
                        + " version 1, older than version 2 of enabled patch 'st2'",
                "OUT Target.work: state data st1>st2",
                // disabled, the newer patch sees the state it hands back to
                "OUT % disable st2",
                "livepatch: 'st2': initializing unpatching transition",
                "livepatch: 'st2': starting unpatching transition",
                "livepatch: 'st2': completing unpatching transition",
                "OUT st2: post_unpatch_callback: state 1 data st1>st2, back to version 1 data st1",
                "livepatch: 'st2': unpatching complete in TIME",
                "OUT % remove st2",
                "OUT Target.work: state data st1",
                // the same version as the enabled patch's is accepted
                "OUT % load st3.jar",
                "livepatch: enabling patch 'st3'",
                "livepatch: 'st3': initializing patching transition",
                "OUT st3: pre_patch_callback: state 1 version 1, previous version 1 data st1",
                "livepatch: 'st3': starting patching transition",
                "livepatch: 'st3': completing patching transition",
                "livepatch: 'st3': patching complete in TIME",
                "OUT Target.work: state data st1>st3",
                "OUT done");
    }
}
