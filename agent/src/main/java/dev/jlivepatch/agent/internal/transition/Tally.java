package dev.jlivepatch.agent.internal.transition;

import java.util.concurrent.atomic.LongAdder;

/** What one transition has done so far, for its record: who switched the threads, and the manager's rounds. */
public final class Tally {
    /** Threads that switched themselves, by their own walk. */
    final LongAdder self = new LongAdder();
    /** Threads the manager's rounds switched. Rounds only. */
    int manager;
    /** Rounds run. Rounds only. */
    int rounds;

    /** @return how many threads switched themselves on entry, by their own walk, so far */
    public long selfSwitched() {
        return self.sum();
    }

    /** @return how many threads the manager's rounds switched so far; callers serialise with rounds */
    public int managerSwitched() {
        return manager;
    }

    /** @return how many rounds the manager ran; callers serialise with rounds */
    public int rounds() {
        return rounds;
    }
}
