package dev.jlivepatch.selftest.patches.badinput.extrareceiver;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Target;

/** Bad: twice is static, but the replacement takes a receiver. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class ExtraReceiver {
    @Replace
    static int twice(Target self, int x) {
        return -1;
    }
}
