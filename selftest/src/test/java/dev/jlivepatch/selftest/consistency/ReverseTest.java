package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.HOLD;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reversing a stalled transition, as writing to the kernel's {@code enabled}
 * while a transition runs: threads switch back under the same rule, the
 * transition completes in the other direction and its post callbacks run
 * (no pre callback runs again), and the thread that stalled it finishes its
 * chain in the version it started with.
 */
class ReverseTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void disablingWhilePatchingReverses(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-reverse-patching-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "park:parked", "load:" + pair, "chain", "state:pair", "disable:pair",
                "await", "state:pair", "blockers", "chain", "release:parked", "result:parked", "remove:pair",
                "state:pair");
        r.expectEvents(
                "OUT % park parked",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "OUT main chain: new, 3 calls",
                "OUT pair: enabled=true transition=patching",
                "OUT % disable pair",
                "livepatch: 'pair': reversing transition from patching to unpatching",
                "livepatch: 'pair': starting unpatching transition",
                // the main thread switches back; the parked one never left the old state
                "livepatch: 'pair': completing unpatching transition",
                "OUT pair: post_unpatch_callback",
                "livepatch: 'pair': unpatching complete in TIME",
                "OUT await: true",
                "OUT pair: enabled=false transition=none",
                "OUT blockers: []",
                "OUT main chain: old, 3 calls",
                "OUT % release parked",
                "OUT parked chain: old, 2 calls",
                "OUT % remove pair",
                "OUT pair: not loaded",
                "OUT done");
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void enablingWhileUnpatchingReverses(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-reverse-unpatching-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "chain", "load:" + pair, "await", "park:parked", "disable:pair", "await:300",
                "state:pair", "blockers", "chain", "enable:pair", "await", "state:pair", "chain", "release:parked",
                "result:parked");
        r.expectEvents(
                "OUT main chain: old, 3 calls",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                // parks inside the new Pair.hold
                "OUT % park parked",
                "OUT % disable pair",
                "livepatch: 'pair': initializing unpatching transition",
                "OUT pair: pre_unpatch_callback",
                "livepatch: 'pair': starting unpatching transition",
                "OUT await: false",
                "OUT pair: enabled=false transition=unpatching",
                "OUT blockers: [thread 'parked' (id OK) in " + HOLD + "]",
                "OUT main chain: old, 3 calls",
                "OUT % enable pair",
                "livepatch: 'pair': reversing transition from unpatching to patching",
                "livepatch: 'pair': starting patching transition",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT pair: enabled=true transition=none",
                "OUT main chain: new, 3 calls",
                "OUT % release parked",
                "OUT parked chain: new, 2 calls",
                "OUT done");
    }
}
