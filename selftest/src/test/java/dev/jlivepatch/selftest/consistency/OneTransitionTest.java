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
        r.expectOut(
                "main chain: old, 3 calls",
                "Solo.work: original",
                "% load pair.jar",
                "pair: pre_patch_callback",
                "pair: post_patch_callback",
                "await: true",
                "% load other.jar",
                "await: true",
                "% disable other",
                "await: true",
                "% disable pair",
                "pair: pre_unpatch_callback",
                "pair: post_unpatch_callback",
                "await: true",
                "% park parked",
                "% enable pair",
                "pair: pre_patch_callback",
                "% enable other",
                "refused: patch 'other' cannot be enabled now: " + busy,
                "other: enabled=false transition=none",
                "Solo.work: original",
                // removing needs no transition
                "% remove other",
                "% load other.jar",
                "refused: patch 'other' cannot be loaded now: " + busy,
                "pair: enabled=true transition=patching",
                "% release parked",
                "pair: post_patch_callback",
                "await: true",
                "% load other.jar",
                "await: true",
                "Solo.work: patched",
                "other: enabled=true transition=none",
                "done");
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
        r.expectOut(
                "main chain: old, 3 calls",
                "Solo.work: original",
                "% load other.jar",
                "await: true",
                "% load pair.jar",
                "pair: pre_patch_callback",
                "pair: post_patch_callback",
                "await: true",
                "% park parked",
                "% disable pair",
                "pair: pre_unpatch_callback",
                "% disable other",
                "refused: patch 'other' cannot be disabled now: " + busy,
                "other: enabled=true transition=none",
                "Solo.work: patched",
                "pair: enabled=false transition=unpatching",
                "% release parked",
                "pair: post_unpatch_callback",
                "await: true",
                "pair: enabled=false transition=none",
                "% disable other",
                "await: true",
                "other: enabled=false transition=none",
                "Solo.work: original",
                "done");
    }
}
