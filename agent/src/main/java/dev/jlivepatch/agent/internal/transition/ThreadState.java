package dev.jlivepatch.agent.internal.transition;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import dev.jlivepatch.runtime.FuncSite;

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
    private static final int MAX_QUIET_SITES = 64;

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
    /**
     * Owner thread only: the methods whose entry found old frames below it, each
     * with the time before which an entry of that method walks no more, and its
     * current quiet time ({@link System#nanoTime}, nanoseconds).
     */
    private FuncSite[] quietSites = new FuncSite[4];
    private long[] quietUntil = new long[4];
    private long[] backoff = new long[4];
    private int quiet;
    /**
     * Written by the manager, read by the owner: the methods ({@code Class.method}) the
     * manager found at the bottom of this thread's affected frames. An entry of one of them
     * always walks, whatever the quiet time, since its frame returning is what cleans the stack.
     */
    private volatile Set<String> exempt = Set.of();
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
     * A walk on entry to {@code site} found an old frame below it: entries of
     * that method walk again only after a quiet time that doubles from 20 µs
     * to 1 ms, so that a thread calling an affected method in a loop inside an
     * old caller pays a walk of it at most every millisecond.
     *
     * <p>Per method, not per thread: the entries that find old frames are
     * those of the callees, and a quiet time that also held back the next
     * entry of another method would hold back the caller's, which is the one
     * that comes with a clean stack. A thread whose caller waits inside
     * itself (a request handler) walks at every callee entry, each within a
     * millisecond of the caller's return and re-entry: with one quiet time
     * for all methods, that re-entry never walked, and the thread never
     * switched (issue 9). Time, not a count of entries: a count would be spent
     * by calls of the same method from old frames as well.
     */
    void dirty(FuncSite site, long now) {
        if (site == null) {
            return;
        }
        int i = indexOf(site);
        if (i < 0) {
            if (quiet == quietSites.length) {
                if (quiet < MAX_QUIET_SITES) {
                    quietSites = Arrays.copyOf(quietSites, quiet * 2);
                    quietUntil = Arrays.copyOf(quietUntil, quiet * 2);
                    backoff = Arrays.copyOf(backoff, quiet * 2);
                } else {
                    quiet--; // forget the last one: it walks again at its next entry
                }
            }
            i = quiet++;
            quietSites[i] = site;
            backoff[i] = 0;
        }
        backoff[i] = Math.min(Math.max(backoff[i] * 2, MIN_QUIET_NANOS), MAX_QUIET_NANOS);
        quietUntil[i] = now + backoff[i];
    }

    /** Whether the owner may walk now, on entry to {@code site}. */
    boolean mayWalk(FuncSite site, long now) {
        if (checking) {
            return false;
        }
        int i = indexOf(site);
        if (i < 0 || now - quietUntil[i] >= 0) {
            return true;
        }
        Set<String> e = exempt;
        return !e.isEmpty() && e.contains(site.method());
    }

    /** After a switch: the quiet times were for the state left behind. Owner thread only. */
    void switched() {
        Arrays.fill(quietSites, 0, quiet, null);
        quiet = 0;
    }

    /** Manager: entries of this method ({@code Class.method}) walk whatever their quiet time. */
    void exempt(String method) {
        Set<String> e = exempt;
        if (!e.contains(method)) {
            Set<String> grown = new HashSet<>(e);
            grown.add(method);
            exempt = Set.copyOf(grown);
        }
    }

    private int indexOf(FuncSite site) {
        FuncSite[] sites = quietSites;
        for (int i = 0; i < quiet; i++) {
            if (sites[i] == site) {
                return i;
            }
        }
        return -1;
    }
}
