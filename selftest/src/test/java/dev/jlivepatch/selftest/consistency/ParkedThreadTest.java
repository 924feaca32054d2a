package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.HOLD;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thread parked inside the old caller blocks the patching transition: the
 * patch stays in {@code patching}, the MBean's {@code Blockers} names the
 * thread and its frame, every other thread already runs the new code, and
 * the parked thread's chain stays old to its end. Once it returns, the
 * manager completes the transition by itself and the post-patch callback
 * runs then, not before.
 */
class ParkedThreadTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void parkedThreadBlocksTheTransitionUntilItReturns(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-parked-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "helper:early", "chain:early", "park:parked", "load:" + pair,
                "await:300", "state:pair", "blockers", "chain", "chain:early",
                "release:parked", "await", "result:parked", "state:pair", "blockers", "chain:early");
        r.expectEvents(
                "OUT early chain: old, 3 calls",
                "OUT % park parked",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                // stalled: the parked thread is in the old Pair.hold
                "OUT await: false",
                "OUT pair: enabled=true transition=patching",
                "OUT blockers: [thread 'parked' (id OK) in " + HOLD + "]",
                // threads that existed before the transition and hold no old frame run the new code
                "OUT main chain: new, 3 calls",
                "OUT early chain: new, 3 calls",
                "OUT % release parked",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                // its chain stayed old after the others switched: both its callee calls ran the original
                "OUT parked chain: old, 2 calls",
                "OUT pair: enabled=true transition=none",
                "OUT blockers: []",
                "OUT early chain: new, 3 calls",
                "OUT done");
    }

    /**
     * Threads started while a transition is stalled begin switched: one runs
     * a chain of the new code at once, another parks inside the new
     * {@code Pair.hold} and is no blocker, and the transition completes when
     * the old parked thread returns, while the new one is still parked.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void threadsStartedDuringTheTransitionBeginSwitched(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-newthreads-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "park:parked", "load:" + pair, "spawn:newcomer", "park:late",
                "blockers", "state:pair", "release:parked", "await", "state:pair", "release:late", "result:parked",
                "result:late");
        r.expectEvents(
                "OUT % park parked",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "OUT newcomer chain: new, 3 calls",
                "OUT % park late",
                "OUT blockers: [thread 'parked' (id OK) in " + HOLD + "]",
                "OUT pair: enabled=true transition=patching",
                "OUT % release parked",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT pair: enabled=true transition=none",
                "OUT % release late",
                "OUT parked chain: old, 2 calls",
                "OUT late chain: new, 2 calls",
                "OUT done");
    }
}
