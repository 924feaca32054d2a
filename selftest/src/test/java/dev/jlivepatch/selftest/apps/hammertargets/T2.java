package dev.jlivepatch.selftest.apps.hammertargets;

import dev.jlivepatch.selftest.apps.hammer.Task;

/** A target class of the status hammer, defined again in each of many class loaders. */
public final class T2 implements Task {
    @Override
    public String work() {
        return "orig";
    }

    @Override
    public String slow(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "orig";
    }
}
