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
 * Patch states (the kernel's {@code klp_state}): patches declare state 1 in
 * {@code Livepatch-States}, each takes over the data of the enabled patch
 * below it, and a patch declaring an older version of the state than an
 * enabled patch is refused.
 *
 * <p>The kernel's test-state.sh is ported case by case with its modules:
 * test_klp_state ({@code st1}: state 1 version 1) and test_klp_state2 and
 * test_klp_state3 ({@code st2}, {@code st3}: version 2, taking over a previous
 * patch's state), all atomic replace patches. The state is the console log
 * level ({@code Console.loglevel}): space for the old level allocated in
 * pre-patch, the level raised in post-patch, put back in pre-unpatch, the
 * space freed in post-unpatch; besides, each patch counts in a shadow variable
 * how often a box is described, which a patch taking over the state takes over
 * too, and which the last one frees.
 */
class StatesTest {
    private static final String CONSOLE = "Console -> loaded";

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

    /**
     * "system state modification": one patch sets the state up in pre-patch
     * and post-patch and tears it down in pre-unpatch and post-unpatch. Would
     * catch a callback that runs out of order or without its state.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void systemStateModification(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-state-modification-" + jdk);
        Path app = Fixtures.app(dir);
        Run r = run(jdk, "", app, "box:a", "loglevel", "load:" + st1(dir), "loglevel", "describe:a", "disable:st1",
                "loglevel", "shadow:a:2", "remove:st1");
        List<String> expected = new ArrayList<>(List.of("OUT console_loglevel = 7"));
        expected.addAll(load("st1", "allocating space to store console_loglevel", "fixing console_loglevel"));
        expected.addAll(List.of(
                "OUT console_loglevel = 15",
                "OUT v1: shadow counter for box a",
                "OUT box a seen 1 (v1)"));
        expected.addAll(disable("st1", "restoring console_loglevel", "freeing space for the stored console_loglevel"));
        expected.addAll(List.of(
                "OUT console_loglevel = 7",
                "OUT shadow a:2 = null",
                "OUT % remove st1",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    /**
     * "taking over system state modification": a replace patch of a newer
     * version finds the state set up (pre-patch) and takes over its data and
     * the shadow variables (post-patch); the replaced patch runs no callback
     * (the level is not put back, the shadows are not freed) and is gone.
     * Disabled, the new patch restores the level the first one saved. Would
     * catch a replaced patch whose unpatch callbacks run, a previous state not
     * found in either callback, or data lost on the way.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void takingOverSystemStateModification(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-state-takeover-" + jdk);
        Path app = Fixtures.app(dir);
        Run r = run(jdk, "", app, "box:a", "loglevel", "load:" + st1(dir), "describe:a", "load:" + st2(dir),
                "describe:a", "loglevel", "state:st1", "remove:st1", "disable:st2", "loglevel", "shadow:a:2",
                "remove:st2");
        List<String> expected = new ArrayList<>(List.of("OUT console_loglevel = 7"));
        expected.addAll(load("st1", "allocating space to store console_loglevel", "fixing console_loglevel"));
        expected.addAll(List.of(
                "OUT v1: shadow counter for box a",
                "OUT box a seen 1 (v1)"));
        expected.addAll(load("st2", "space to store console_loglevel already allocated",
                "taking over the console_loglevel change"));
        expected.addAll(List.of(
                "OUT box a seen 2 (v2)",
                "OUT console_loglevel = 15",
                "OUT state st1: not loaded",
                "OUT % remove st1",
                "OUT refused: no patch 'st1' is loaded"));
        expected.addAll(disable("st2", "restoring console_loglevel", "freeing space for the stored console_loglevel"));
        expected.addAll(List.of(
                "OUT console_loglevel = 7",
                "OUT shadow a:2 = null",
                "OUT % remove st2",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    /**
     * "compatible cumulative livepatches": st3 (the same state version as
     * st2) replaces st2, and st2, loaded again, replaces st3; each takes over
     * from the one before. Would catch an equal version refused, or a patch
     * id that a replace freed but that cannot be loaded again.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void compatibleCumulativeLivepatches(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-state-compatible-" + jdk);
        Path app = Fixtures.app(dir);
        Path st2 = st2(dir);
        Run r = run(jdk, "", app, "box:a", "loglevel", "load:" + st2, "load:" + st3(dir), "remove:st2",
                "load:" + st2, "loglevel", "disable:st2", "remove:st2", "remove:st3", "loglevel");
        List<String> expected = new ArrayList<>(List.of("OUT console_loglevel = 7"));
        expected.addAll(load("st2", "allocating space to store console_loglevel", "fixing console_loglevel"));
        expected.addAll(load("st3", "space to store console_loglevel already allocated",
                "taking over the console_loglevel change"));
        expected.addAll(List.of(
                "OUT % remove st2",
                "OUT refused: no patch 'st2' is loaded"));
        expected.addAll(load("st2", "space to store console_loglevel already allocated",
                "taking over the console_loglevel change"));
        expected.add("OUT console_loglevel = 15");
        expected.addAll(disable("st2", "restoring console_loglevel", "freeing space for the stored console_loglevel"));
        expected.addAll(List.of(
                "OUT % remove st2",
                "OUT % remove st3",
                "OUT refused: no patch 'st3' is loaded",
                "OUT console_loglevel = 7",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    /**
     * "incompatible cumulative livepatches": st1 (state version 1) over st2
     * (version 2) is refused before any of its callbacks runs, with the
     * kernel's message; st2 is untouched. Would catch a downgrade accepted,
     * or a refusal that runs callbacks or changes the state.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void incompatibleCumulativeLivepatches(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-state-incompatible-" + jdk);
        Path app = Fixtures.app(dir);
        Run r = run(jdk, "", app, "box:a", "loglevel", "load:" + st2(dir), "load:" + st1(dir), "loglevel", "state:st1",
                "disable:st2", "remove:st2");
        List<String> expected = new ArrayList<>(List.of("OUT console_loglevel = 7"));
        expected.addAll(load("st2", "allocating space to store console_loglevel", "fixing console_loglevel"));
        expected.addAll(List.of(
                "OUT % load st1.jar",
                "livepatch: Livepatch patch (st1) is not compatible with the already installed livepatches.",
                "OUT refused: patch 'st1' is not compatible with the already installed patches: it declares state 1"
                        + " version 1, older than version 2 of enabled patch 'st2'",
                "OUT console_loglevel = 15",
                "OUT state st1: not loaded"));
        expected.addAll(disable("st2", "restoring console_loglevel", "freeing space for the stored console_loglevel"));
        expected.add("OUT % remove st2");
        expected.add("OUT done");
        expectEvents(r, expected.toArray());
    }

    /**
     * Past the kernel's cases, its other rule: a replace patch must carry
     * every state of the patches it replaces; one without state 1 is refused
     * with a reason naming the state and the patch. Would catch a replace
     * that drops a state nobody would then tear down.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aReplacePatchMustCarryEveryState(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-state-missing-" + jdk);
        Path app = Fixtures.app(dir);
        Path ar = Fixtures.patch(dir, "atomic_replace", "proc.replace", "Livepatch-Replace", "true");
        Run r = run(jdk, "", app, "box:a", "grep", "loglevel", "load:" + st2(dir), "load:" + ar, "grep", "patches");
        List<String> expected = new ArrayList<>(List.of("OUT console_loglevel = 7"));
        expected.addAll(load("st2", "allocating space to store console_loglevel", "fixing console_loglevel"));
        expected.addAll(List.of(
                "OUT % load atomic_replace.jar",
                "livepatch: Livepatch patch (atomic_replace) is not compatible with the already installed"
                        + " livepatches.",
                "OUT refused: patch 'atomic_replace' is not compatible with the already installed patches: it does"
                        + " not carry state 1 (version 2) of patch 'st2', which it replaces",
                "OUT patches: 1:st2",
                "OUT done"));
        expectEvents(r, expected.toArray());
    }

    private static Path st1(Path dir) throws java.io.IOException {
        return Fixtures.patch(dir, "st1", "loglevel.v1", "Livepatch-States", "1:1", "Livepatch-Replace", "true");
    }

    private static Path st2(Path dir) throws java.io.IOException {
        return Fixtures.patch(dir, "st2", "loglevel.v2", "Livepatch-States", "1:2", "Livepatch-Replace", "true");
    }

    /** The kernel's test_klp_state3 is test_klp_state2 again: the same state, the same version. */
    private static Path st3(Path dir) throws java.io.IOException {
        return Fixtures.patch(dir, "st3", "loglevel.v2", "Livepatch-States", "1:2", "Livepatch-Replace", "true");
    }

    /** Loading a state patch: its pre-patch and post-patch callbacks around the transition. */
    private static List<String> load(String id, String allocate, String fix) {
        return List.of(
                "OUT % load " + id + ".jar",
                "livepatch: enabling patch '" + id + "'",
                "livepatch: '" + id + "': initializing patching transition",
                "OUT " + id + ": pre_patch_callback: " + CONSOLE,
                "OUT " + id + ": allocate_loglevel_state: " + allocate,
                "livepatch: '" + id + "': starting patching transition",
                "livepatch: '" + id + "': completing patching transition",
                "OUT " + id + ": post_patch_callback: " + CONSOLE,
                "OUT " + id + ": fix_console_loglevel: " + fix,
                "livepatch: '" + id + "': patching complete in TIME");
    }

    /** Disabling a state patch: its pre-unpatch and post-unpatch callbacks around the transition. */
    private static List<String> disable(String id, String restore, String free) {
        return List.of(
                "OUT % disable " + id,
                "livepatch: '" + id + "': initializing unpatching transition",
                "OUT " + id + ": pre_unpatch_callback: " + CONSOLE,
                "OUT " + id + ": restore_console_loglevel: " + restore,
                "livepatch: '" + id + "': starting unpatching transition",
                "livepatch: '" + id + "': completing unpatching transition",
                "OUT " + id + ": post_unpatch_callback: " + CONSOLE,
                "OUT " + id + ": free_loglevel_state: " + free,
                "livepatch: '" + id + "': unpatching complete in TIME");
    }
}
