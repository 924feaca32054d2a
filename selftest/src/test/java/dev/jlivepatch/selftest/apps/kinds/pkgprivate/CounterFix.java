package dev.jlivepatch.selftest.apps.kinds.pkgprivate;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;

/**
 * A patch class in its target's package (only in the patch jar, never in the app jar) whose
 * replacements take and return the package-private target type: as receiver, as parameters,
 * as return types, in an array, and through a constructor of it.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.pkgprivate.Counter")
public final class CounterFix {
    private CounterFix() {
    }

    @TargetField("n")
    static int n(Counter self) {
        throw new AssertionError();
    }

    @TargetField("n")
    static void n(Counter self, int v) {
        throw new AssertionError();
    }

    @Replace
    static int next(Counter self) {
        n(self, n(self) + 100);
        return n(self);
    }

    @Replace
    static Counter copy(Counter self, String suffix) {
        if (suffix == null) {
            throw new IllegalArgumentException("no suffix");
        }
        Counter c = new Counter(self.name + suffix + suffix, n(self));
        return c;
    }

    @Replace
    static Counter merge(Counter a, Counter b) {
        Counter m = new Counter(b.name + "&" + a.name, n(a) * n(b));
        return m;
    }

    @Replace
    static Counter[] pair(Counter a) {
        Counter[] out = {a, a, a};
        return out;
    }
}
