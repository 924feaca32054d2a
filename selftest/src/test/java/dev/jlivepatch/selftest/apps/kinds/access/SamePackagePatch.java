package dev.jlivepatch.selftest.apps.kinds.access;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/**
 * A patch class in its target's package (only in the patch jar, never in the app jar): it uses
 * the target's package-private members directly, as code compiled into the package would, and a
 * package-private class of the package that no patch targets.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.access.Tally")
public final class SamePackagePatch {
    private SamePackagePatch() {
    }

    @Replace
    static String show(Tally self) {
        int after = self.bump(2);
        self.hits += 10;
        Tally.total += 100;
        return "new hits=" + after + "->" + self.hits + " total=" + Tally.total + " tag=" + Tally.tag() + " " + Ledger.note();
    }
}
