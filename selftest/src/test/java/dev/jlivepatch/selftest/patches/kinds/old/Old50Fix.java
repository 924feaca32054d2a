package dev.jlivepatch.selftest.patches.kinds.old;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.old.Old50;
import java.io.IOException;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.old.Old50")
public final class Old50Fix {
    private Old50Fix() {
    }

    @TargetField("base")
    static int base(Old50 self) {
        throw new AssertionError();
    }

    @Replace
    static String tag() {
        return "new50";
    }

    @Replace
    static int add(Old50 self, int a, long b) {
        return (int) (a + b) * base(self);
    }

    @Replace
    static String locked(Old50 self) {
        return "new locked=" + Thread.holdsLock(self);
    }

    @Replace
    static int depth(Old50 self, int n) {
        return n == 0 ? 100 : 2 + self.depth(n - 1);
    }

    @Replace
    static int parse(Old50 self, String s) throws IOException {
        throw new IOException("new " + s);
    }
}
