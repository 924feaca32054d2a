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
    private static final long MIN_QUIET_NANOS = 20_000;
    private static final long MAX_QUIET_NANOS = 1_000_000;

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
    /** Owner thread only: no walk before this time, after walks that found old frames ({@link System#nanoTime}). */
    long quietUntil;
    /** Owner thread only: the current quiet time after a walk that found old frames, in nanoseconds. */
    long backoff;

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

    /**
     * A walk found an old frame: walk again only after a quiet time that
     * doubles from 20 µs to 1 ms, so that a thread calling an affected method
     * in a loop inside an old caller pays a walk at most every millisecond,
     * yet tries again soon after the caller returns. Time, not a count of
     * entries: a count would also be spent by the callee's entries and skip
     * the caller's next, clean entry.
     */
    void dirty(long now) {
        backoff = Math.min(Math.max(backoff * 2, MIN_QUIET_NANOS), MAX_QUIET_NANOS);
        quietUntil = now + backoff;
    }

    /** Whether the owner may walk now. */
    boolean mayWalk(long now) {
        return !checking && now - quietUntil >= 0;
    }
}
