package dev.jlivepatch.selftest.consistency;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One transition at a time, as in the kernel: while patch {@code pair}'s
 * transition is stalled, loading, enabling or disabling another patch is
 * refused with a one-line reason naming the busy patch, and nothing about the
 * other patch changes; once the transition completes the same request works.
 * The agent's ordered log shows it: a refused request starts no transition of
 * its own and leaves the running one alone.
 */
class OneTransitionTest {
    private static final String HOW = "; wait for it to complete (status shows what blocks it), reverse it by ";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anotherPatchWaitsWhilePatching(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-one-patching-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);
        Path other = Fixtures.other(dir);

        // other above pair on the stack, both disabled; then pair's transition stalls on the parked thread
        Run r = Fixtures.run(jdk, app, "chain", "solo", "load:" + pair, "await", "load:" + other, "await",
                "disable:other", "await", "disable:pair", "await", "park:parked", "enable:pair",
                "enable:other", "state:other", "solo", "remove:other", "load:" + other, "state:pair",
                "release:parked", "await", "load:" + other, "await", "solo", "state:other");
        String busy = "patch 'pair' is in its patching transition" + HOW + "disabling 'pair', or force it";
        r.expectEvents(
                "OUT main chain: old, 3 calls",
                "OUT Solo.work: original",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT % load other.jar",
                "livepatch: enabling patch 'other'",
                "livepatch: 'other': initializing patching transition",
                "livepatch: 'other': starting patching transition",
                "livepatch: 'other': completing patching transition",
                "livepatch: 'other': patching complete in TIME",
                "OUT await: true",
                "OUT % disable other",
                "livepatch: 'other': initializing unpatching transition",
                "livepatch: 'other': starting unpatching transition",
                "livepatch: 'other': completing unpatching transition",
                "livepatch: 'other': unpatching complete in TIME",
                "OUT await: true",
                "OUT % disable pair",
                "livepatch: 'pair': initializing unpatching transition",
                "OUT pair: pre_unpatch_callback",
                "livepatch: 'pair': starting unpatching transition",
                "livepatch: 'pair': completing unpatching transition",
                "OUT pair: post_unpatch_callback",
                "livepatch: 'pair': unpatching complete in TIME",
                "OUT await: true",
                "OUT % park parked",
                "OUT % enable pair",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                // refused: no transition of 'other' starts, none of its lines
                "OUT % enable other",
                "OUT refused: patch 'other' cannot be enabled now: " + busy,
                "OUT other: enabled=false transition=none",
                "OUT Solo.work: original",
                // removing needs no transition
                "OUT % remove other",
                "OUT % load other.jar",
                "livepatch: failed to enable patch 'other': patch 'other' cannot be loaded now: " + busy,
                "OUT refused: patch 'other' cannot be loaded now: " + busy,
                "OUT pair: enabled=true transition=patching",
                "OUT % release parked",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT % load other.jar",
                "livepatch: enabling patch 'other'",
                "livepatch: 'other': initializing patching transition",
                "livepatch: 'other': starting patching transition",
                "livepatch: 'other': completing patching transition",
                "livepatch: 'other': patching complete in TIME",
                "OUT await: true",
                "OUT Solo.work: patched",
                "OUT other: enabled=true transition=none",
                "OUT done");
    }

    /**
     * Patch {@code other}, below {@code pair} on the stack, may be disabled
     * once {@code pair} is disabled; but not while {@code pair}'s unpatching
     * transition still runs: starting a second transition would take the
     * running one's place and leave {@code pair} in {@code unpatching} forever.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anotherPatchWaitsWhileUnpatching(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-one-unpatching-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);
        Path other = Fixtures.other(dir);

        Run r = Fixtures.run(jdk, app, "chain", "solo", "load:" + other, "await", "load:" + pair, "await",
                "park:parked", "disable:pair", "disable:other", "state:other", "solo", "state:pair",
                "release:parked", "await", "state:pair", "disable:other", "await", "state:other", "solo");
        String busy = "patch 'pair' is in its unpatching transition" + HOW + "enabling 'pair', or force it";
        r.expectEvents(
                "OUT main chain: old, 3 calls",
                "OUT Solo.work: original",
                "OUT % load other.jar",
                "livepatch: enabling patch 'other'",
                "livepatch: 'other': initializing patching transition",
                "livepatch: 'other': starting patching transition",
                "livepatch: 'other': completing patching transition",
                "livepatch: 'other': patching complete in TIME",
                "OUT await: true",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT % park parked",
                "OUT % disable pair",
                "livepatch: 'pair': initializing unpatching transition",
                "OUT pair: pre_unpatch_callback",
                "livepatch: 'pair': starting unpatching transition",
                // refused: 'pair' keeps its transition, 'other' starts none
                "OUT % disable other",
                "OUT refused: patch 'other' cannot be disabled now: " + busy,
                "OUT other: enabled=true transition=none",
                "OUT Solo.work: patched",
                "OUT pair: enabled=false transition=unpatching",
                "OUT % release parked",
                "livepatch: 'pair': completing unpatching transition",
                "OUT pair: post_unpatch_callback",
                "livepatch: 'pair': unpatching complete in TIME",
                "OUT await: true",
                "OUT pair: enabled=false transition=none",
                "OUT % disable other",
                "livepatch: 'other': initializing unpatching transition",
                "livepatch: 'other': starting unpatching transition",
                "livepatch: 'other': completing unpatching transition",
                "livepatch: 'other': unpatching complete in TIME",
                "OUT await: true",
                "OUT other: enabled=false transition=none",
                "OUT Solo.work: original",
                "OUT done");
    }
}
