package dev.jlivepatch.selftest.patches.consistency.versions.v4;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.consistency.Pair;
import dev.jlivepatch.selftest.apps.consistency.Work;

/** A version of the caller/callee pair that says so with bit 4 (for replace and upgrade under load). */
@Patch(target = "dev.jlivepatch.selftest.apps.consistency.Pair")
public final class PairV4 {
    private PairV4() {
    }

    @Replace
    static int chain(int n, long[] calls) {
        int seen = 4;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                Work.pause();
            }
            seen |= Pair.callee(calls);
        }
        return seen;
    }

    @Replace
    static int callee(long[] calls) {
        calls[0]++;
        return 4;
    }

    @Replace
    static int request(long[] calls) {
        Work.sleep(2);
        return 4 | Pair.callee(calls);
    }
}
