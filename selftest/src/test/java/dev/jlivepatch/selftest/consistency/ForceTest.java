package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forcing a stalled transition: it completes at once with a loud warning
 * naming the threads switched without the check, and the patch can no longer
 * be disabled (nor, being enabled, removed), as the kernel's forced patch.
 * The parked thread then does run a mixed chain: that is exactly what force
 * risks, and why it warns.
 */
class ForceTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void forceCompletesAStalledTransitionAndPinsThePatch(Jdk jdk) throws Exception {
        Path dir = Run.workDir("consistency-force-" + jdk);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);

        Run r = Fixtures.run(jdk, app, "park:parked", "load:" + pair, "state:pair", "force:pair", "await:0",
                "state:pair", "blockers", "chain", "disable:pair", "remove:pair", "state:pair", "force:pair",
                "release:parked", "result:parked");
        r.expectOut(
                "% park parked",
                "% load pair.jar",
                "pair: pre_patch_callback",
                "pair: enabled=true transition=patching",
                "% force pair",
                "pair: post_patch_callback",
                "await: true",
                "pair: enabled=true transition=none",
                "blockers: []",
                "main chain: new, 3 calls",
                "% disable pair",
                "refused: patch 'pair' was forced and can no longer be disabled: threads may still run code of"
                        + " both versions",
                "% remove pair",
                "refused: patch 'pair' was forced and can no longer be removed: threads may still run its code",
                "pair: enabled=true transition=none",
                "% force pair",
                "refused: patch 'pair' is not in a transition; there is nothing to force",
                "% release parked",
                // forced while its chain ran the old caller: the second callee call ran the new code
                "parked chain: mixed, 2 calls",
                "done");
        assertEquals(1, r.lines.stream().filter(l -> l.contains(" WARN ") && l.contains("'pair': forcing the"
                + " patching transition") && l.contains("thread 'parked'") && l.contains("Pair.hold")).count(),
                () -> "one WARN naming the forced thread and its frame; output:\n" + r);
        assertEquals(1, count(r, "'pair': a forced patch can no longer be disabled"), () -> r.toString());
        r.expectLine("'pair': completing patching transition").expectLine("'pair': patching complete");
    }
}
