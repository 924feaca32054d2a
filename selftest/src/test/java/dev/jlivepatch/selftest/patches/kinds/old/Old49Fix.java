package dev.jlivepatch.selftest.patches.kinds.old;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.old.Old49;
import java.io.IOException;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.old.Old49")
public final class Old49Fix {
    private Old49Fix() {
    }

    @TargetField("base")
    static int base(Old49 self) {
        throw new AssertionError();
    }

    @Replace
    static String tag() {
        return "new49";
    }

    @Replace
    static int add(Old49 self, int a, long b) {
        return (int) (a + b) * base(self);
    }

    @Replace
    static String locked(Old49 self) {
        return "new locked=" + Thread.holdsLock(self);
    }

    @Replace
    static int depth(Old49 self, int n) {
        return n == 0 ? 100 : 2 + self.depth(n - 1);
    }

    @Replace
    static int parse(Old49 self, String s) throws IOException {
        throw new IOException("new " + s);
    }
}
