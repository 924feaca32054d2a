package dev.jlivepatch.bench.patch.handler;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.bench.Handler;
import java.util.concurrent.locks.LockSupport;

/** The handler patch (target/bench-handler-patch.jar): caller and callee, the same shape. */
@Patch(target = "dev.jlivepatch.bench.Handler")
public final class HandlerFix {
    private HandlerFix() {
    }

    @Replace
    static int request(int x) {
        LockSupport.parkNanos(2_000_000);
        return Handler.callee(x) + 2;
    }

    @Replace
    static int callee(int x) {
        return x + 2;
    }
}
