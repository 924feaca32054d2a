package dev.jlivepatch.agent.internal.transition;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One thread's patch state during one transition (the kernel's
 * {@code task->patch_state}), packed with a count of the thread's entries into
 * affected methods: {@code word = entries << 1 | state}.
 *
 * <p>Why the count: the manager switches a thread after seeing a clean stack,
 * but the thread runs on between that look and the switch. It reads the word
 * before it looks and switches with a compare-and-set against that word; the
 * thread counts every entry with an atomic add before it picks an entry. So
 * if the thread entered an affected method after the look (and may be running
 * its old code now), the counts differ and the switch fails; it is retried on
 * the next round. An atomic add is a side effect, so the JIT can neither drop
 * it nor move it above a safepoint poll: a stack taken at a safepoint after
 * the add shows the frame that made it, unless that frame has returned.
 */
final class ThreadState {
    static final int UNPATCHED = 0;
    static final int PATCHED = 1;
    private static final VarHandle WORD;

    static {
        try {
            WORD = MethodHandles.lookup().findVarHandle(ThreadState.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through WORD
    private volatile long word;
    /** Owner thread only: set while it walks its own stack, so that the walk never re-checks. */
    boolean checking;
    /** Owner thread only: entries to let pass before the next walk, after walks that found old frames. */
    int skip;
    int backoff;

    ThreadState(int state) {
        this.word = state;
    }

    static int state(long word) {
        return (int) (word & 1);
    }

    long word() {
        return (long) WORD.getVolatile(this);
    }

    /** Counts an entry into an affected method; returns the new word. Owner thread only. */
    long enter() {
        return (long) WORD.getAndAdd(this, 2L) + 2L;
    }

    /**
     * Moves to {@code to} if the word is still {@code seen}: no entry since.
     * The owner thread, after its own walk found a clean stack, passes the
     * word as it is then: entries the walk itself made have returned.
     */
    boolean trySwitch(long seen, int to) {
        return WORD.compareAndSet(this, seen, (((seen >>> 1) + 1) << 1) | to);
    }

    /** A walk found an old frame: walk again only after a growing number of entries. */
    void dirty() {
        backoff = Math.min(backoff * 2 + 1, 255);
        skip = backoff;
    }
}
