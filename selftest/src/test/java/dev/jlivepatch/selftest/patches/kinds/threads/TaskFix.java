package dev.jlivepatch.selftest.patches.kinds.threads;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.threads.Task;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.threads.Task")
public final class TaskFix {
    private TaskFix() {
    }

    @Replace
    static void run(Task self) {
        self.result = "new " + self.getName() + (Thread.currentThread() == self ? "" : " on another thread");
    }
}
