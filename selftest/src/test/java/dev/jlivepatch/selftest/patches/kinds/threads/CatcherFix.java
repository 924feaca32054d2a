package dev.jlivepatch.selftest.patches.kinds.threads;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.threads.Catcher;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.threads.Catcher")
public final class CatcherFix {
    private CatcherFix() {
    }

    @Replace
    static void uncaughtException(Catcher self, Thread t, Throwable e) {
        self.seen.add("new " + e.getMessage() + (Thread.currentThread() == t ? " in the dying thread" : " elsewhere"));
    }
}
