package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.HOLD;
import static dev.jlivepatch.selftest.consistency.Fixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Virtual threads (JDK 21 and later; skipped, visibly, on 17): one parked in
 * the old caller, unmounted from its carrier, blocks the transition and is
 * reported as virtual; one started during the transition begins switched;
 * and four virtual threads calling the pair beside four platform ones under
 * the torture load (15 cycles), with eight virtual and two platform request
 * handlers, never see a mixed chain.
 */
class VirtualThreadsTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void parkedVirtualThreadBlocksTheTransition(Jdk jdk) throws Exception {
        Fixtures.assumeVirtualThreads(jdk);
        Path dir = Run.workDir("consistency-virtual-parked-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "vpark:vparked", "load:" + pair, "await:300", "state:pair", "blockers",
                "vspawn:vnew", "chain", "release:vparked", "await", "result:vparked", "state:pair");
        r.expectEvents(
                "OUT % park vparked",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "OUT await: false",
                "OUT pair: enabled=true transition=patching",
                "OUT blockers: [thread 'vparked' (id OK, virtual) in " + HOLD + "]",
                "OUT vnew chain: new, 3 calls",
                "OUT main chain: new, 3 calls",
                "OUT % release vparked",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT vparked chain: old, 2 calls",
                "OUT pair: enabled=true transition=none",
                "OUT done");
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void virtualThreadsNeverSeeAMixUnderLoad(Jdk jdk) throws Exception {
        Fixtures.assumeVirtualThreads(jdk);
        Run r = TortureTest.torture(jdk, "torture-virtual-" + jdk, List.of(), 4, 4, 15, 2, 8);
        assertEquals(0, number(r, "torture: mixed chains:"), () -> "chains mixed versions; output:\n" + r);
        TortureTest.expectClean(r, 4, 4, 15, 2, 8);
    }
}
