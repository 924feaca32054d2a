package dev.jlivepatch.coretest.patches.hold;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import java.util.concurrent.CountDownLatch;

/** Replaces {@code Greeter.hold}: a thread parked in the original keeps this patch's transition running. */
@Patch(target = "dev.jlivepatch.coretest.app.Greeter")
public final class HoldFix {
    private HoldFix() {
    }

    @Replace
    static void hold(CountDownLatch entered, CountDownLatch release) {
        entered.countDown();
    }
}
