package dev.jlivepatch.selftest.apps.consistency;

/**
 * The target: a caller and its callee that only work together in the same
 * version (as a writer and a reader of one data format). Every version says
 * which one it is by a bit: the original {@link #OLD}, the patch's
 * {@link #NEW}. A caller returns the bits of itself and of every callee call
 * it made, so a chain that ran old and new code of one transition returns
 * {@link #MIXED}. Each callee call also counts itself in {@code calls[0]}, so
 * a lost call shows.
 */
public final class Pair {
    /** The original's bit. */
    public static final int OLD = 1;
    /** The replacement's bit. */
    public static final int NEW = 2;
    /** Both: a chain that mixed versions. */
    public static final int MIXED = OLD | NEW;

    private Pair() {
    }

    /**
     * The caller: calls the callee {@code n} times, pausing between calls so
     * that a chain is long enough to be caught in the middle.
     *
     * @return the versions the chain ran
     */
    public static int chain(int n, long[] calls) {
        int seen = OLD;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                Work.pause();
            }
            seen |= callee(calls);
        }
        return seen;
    }

    /** The callee. */
    public static int callee(long[] calls) {
        calls[0]++;
        return OLD;
    }

    /**
     * A caller that calls the callee, parks at the gate, then calls the callee
     * again: a thread parked here sits inside an old (or new) chain.
     *
     * @return the versions the chain ran
     */
    public static int hold(Gate gate, long[] calls) {
        int seen = OLD | callee(calls);
        gate.park();
        return seen | callee(calls);
    }

    /**
     * A request handler: waits 2 ms (as a handler waits on a database), then
     * calls the callee. A thread calling it in a loop spends nearly all its time
     * inside it, yet leaves it and enters it again every few milliseconds.
     *
     * @return the versions the chain ran
     */
    public static int request(long[] calls) {
        Work.sleep(2);
        return OLD | callee(calls);
    }

    /** What a chain's bits mean: {@code old}, {@code new} or {@code mixed}. */
    public static String name(int seen) {
        switch (seen) {
            case OLD:
                return "old";
            case NEW:
                return "new";
            case MIXED:
                return "mixed";
            default:
                return "bad " + seen;
        }
    }
}
