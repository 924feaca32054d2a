package dev.jlivepatch.selftest.patches.badinput.noreceiver;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** Bad: greet is an instance method, but the replacement takes no receiver. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Target")
public final class NoReceiver {
    @Replace
    static String greet(String who) {
        return "bad";
    }
}
