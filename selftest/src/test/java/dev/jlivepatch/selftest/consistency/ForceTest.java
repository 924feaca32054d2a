package dev.jlivepatch.selftest.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forcing a stalled transition: it completes at once with a loud warning
 * naming the threads switched without the check, and the patch can no longer
 * be disabled (nor, being enabled, removed), as the kernel's forced patch.
 * The parked thread then does run a mixed chain: that is exactly what force
 * risks, and why it warns. The agent's ordered log is compared whole (thread
 * ids aside): the warnings come before the completion and its callback.
 */
class ForceTest {
    /** Where the parked thread is when forced, as the warning names it. */
    private static final String HOLD_FRAME = "app//dev.jlivepatch.selftest.apps.consistency.Pair.hold(Unknown Source)";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void forceCompletesAStalledTransitionAndPinsThePatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-force-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "park:parked", "load:" + pair, "state:pair", "force:pair", "await:0",
                "state:pair", "blockers", "chain", "disable:pair", "remove:pair", "state:pair", "force:pair",
                "release:parked", "result:parked");
        List<String> events = r.events().stream().map(e -> e.replaceAll("\\(id \\d+\\)", "(id N)")).toList();
        assertEquals(String.join("\n", List.of(
                "OUT % park parked",
                "OUT % load pair.jar",
                "livepatch: enabling patch 'pair'",
                "livepatch: 'pair': initializing patching transition",
                "OUT pair: pre_patch_callback",
                "livepatch: 'pair': starting patching transition",
                "OUT pair: enabled=true transition=patching",
                "OUT % force pair",
                // the warnings first, then the completion as any other, its post-patch callback included
                "livepatch: 'pair': forcing the patching transition: 1 thread(s) switched without the consistency"
                        + " check: thread 'parked' (id N) in " + HOLD_FRAME,
                "livepatch: 'pair': a forced patch can no longer be disabled",
                "livepatch: 'pair': completing patching transition",
                "OUT pair: post_patch_callback",
                "livepatch: 'pair': patching complete in TIME",
                "OUT await: true",
                "OUT pair: enabled=true transition=none",
                "OUT blockers: []",
                "OUT main chain: new, 3 calls",
                // refused: no transition starts
                "OUT % disable pair",
                "OUT refused: patch 'pair' was forced and can no longer be disabled: threads may still run code of"
                        + " both versions",
                "OUT % remove pair",
                "OUT refused: patch 'pair' was forced and can no longer be removed: threads may still run its code",
                "OUT pair: enabled=true transition=none",
                "OUT % force pair",
                "OUT refused: patch 'pair' is not in a transition; there is nothing to force",
                "OUT % release parked",
                // forced while its chain ran the old caller: the second callee call ran the new code
                "OUT parked chain: mixed, 2 calls",
                "OUT done")), String.join("\n", events), () -> "full output:\n" + r);
        assertEquals(2, r.lines.stream().filter(l -> l.contains(" WARN jlivepatch - 'pair': ")).count(),
                () -> "the two lines about forcing are warnings; output:\n" + r);
    }
}
