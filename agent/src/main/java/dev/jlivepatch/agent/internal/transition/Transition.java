package dev.jlivepatch.agent.internal.transition;

import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.ThreadPatchStates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transition's per-thread patch states and the rule that switches them
 * (the kernel's {@code transition.c}, per thread instead of per task).
 *
 * <p>Invariant: a thread's state changes only while no frame of an affected
 * method other than the one it is entering is on its stack, so no call chain
 * runs old and new code of this transition. Two ways switch it: the thread
 * itself on entry ({@link #patched}), after walking its own stack; and the
 * manager ({@link #round}), after finding no affected frame in a batch of
 * stack traces, by a compare-and-set that fails if the thread entered an
 * affected method since the manager read its state (see {@link ThreadState}).
 * A reversal only turns the goal round; no thread's state flips with it.
 *
 * <p>Threads with no state yet take a default: the starting state, or the goal
 * of the time they were created, told by thread id against watermarks (ids
 * only grow): a thread created after the transition began holds no old frame.
 */
public final class Transition extends ThreadPatchStates {
    private static final ThreadGroup WATERMARKS = new ThreadGroup("jlivepatch-watermarks");

    private final int initial;
    private final ConcurrentHashMap<Thread, ThreadState> states = new ConcurrentHashMap<>();
    private volatile int goal;
    private volatile Epoch epochs;
    private volatile Affected affected = Affected.NONE;
    private volatile List<Blocker> blockers = List.of();
    /**
     * Set once every snapshot of the transition is out. Before, no thread may
     * switch: a thread switched by the first method's snapshot would run the
     * next method's old steady entry in the same chain.
     */
    private volatile boolean open;
    /** The threads the last round left behind; null before the first round and after a reversal. Rounds only. */
    private volatile Set<Thread> pending;
    private final Waiting waiting = new Waiting();
    private final Tally tally = new Tally();

    static {
        // Link and load everything the stub path uses now, before any snapshot points at it: a patched JDK
        // method that class loading or lambda linkage calls would otherwise re-enter this path while it links.
        Transition warm = new Transition(true);
        warm.affect(Transition.class, java.util.List.of("patched(Ldev/jlivepatch/runtime/FuncSite;)Z"));
        warm.started();
        warm.patched(null);
        warm.reverse();
        warm.patched(null);
    }

    /** From its {@code watermark} on, new threads begin in {@code state}. */
    private record Epoch(long watermark, int state, Epoch older) {
    }

    /**
     * A transition whose threads all start in one state.
     *
     * @param patching {@code true} to move threads to the patched state, {@code false} to the unpatched one
     */
    public Transition(boolean patching) {
        this.initial = patching ? ThreadState.UNPATCHED : ThreadState.PATCHED;
        this.goal = patching ? ThreadState.PATCHED : ThreadState.UNPATCHED;
    }

    /**
     * Adds the methods of one target class to those the transition touches.
     * Called before their snapshots are published.
     */
    public synchronized void affect(Class<?> type, Iterable<String> keys) {
        affected = affected.plus(type, keys);
    }

    /** As {@link #affect(Class, Iterable)} for several classes, copying the affected set once. */
    public synchronized void affect(Map<Class<?>, ? extends Iterable<String>> keys) {
        affected = affected.plus(keys);
    }

    /**
     * Marks the start: threads created from now on begin in the goal state.
     * Called after the transition's snapshots are visible to every thread, so
     * that no thread created after the mark ran the code before them.
     */
    public void started() {
        epochs = new Epoch(watermark(), goal, epochs);
        open = true;
    }

    /** Turns the transition round: its goal becomes the state it started from. */
    public void reverse() {
        pending = null;
        waiting.clear();
        goal = 1 - goal;
        epochs = new Epoch(watermark(), goal, epochs);
    }

    /** @return {@code true} while the goal is the patched state */
    public boolean patching() {
        return goal == ThreadState.PATCHED;
    }

    /** @return who has switched the threads so far, and the rounds run */
    public Tally tally() {
        return tally;
    }

    /**
     * Unparks {@code manager} when the last thread that the last round left
     * behind switches itself.
     */
    public void wakeWhenSwitched(Thread manager) {
        waiting.wake(manager);
    }

    /**
     * Whether every thread the last round left behind has switched itself
     * since: the next round would complete the transition. Callers serialise
     * with rounds.
     */
    public boolean settled() {
        Set<Thread> p = pending; // none left behind: the round failed for its own thread; back off as usual
        return p != null && !p.isEmpty() && waiting.isEmpty();
    }

    /** @return the threads that blocked the last round, and where */
    public List<Blocker> blockers() {
        return blockers;
    }

    @Override
    public boolean current() {
        Thread self = Thread.currentThread();
        ThreadState s = states.get(self);
        return (s == null ? defaultState(self) : ThreadState.state(s.word())) == ThreadState.PATCHED;
    }

    @Override
    public boolean patched(FuncSite site) {
        Thread self = Thread.currentThread();
        ThreadState s = states.get(self);
        if (s == null) {
            s = states.computeIfAbsent(self, this::fresh);
        }
        long w = s.enter();
        int g = goal;
        if (ThreadState.state(w) != g && open) {
            long now = System.nanoTime();
            if (s.mayWalk(site, now)) {
                s.checking = true;
                try {
                    if (!OwnStack.clean(affected, true)) {
                        s.dirty(site, now);
                    } else if (s.trySwitch(s.word(), g)) {
                        s.switched();
                        tally.self.increment();
                        waiting.switched(self);
                        return settle(s, g);
                    }
                } finally {
                    s.checking = false;
                }
            }
        }
        return ThreadState.state(w) == ThreadState.PATCHED;
    }

    /**
     * One round of the manager: inspects the threads in batches and switches
     * those not in the goal state whose stacks hold no affected frame. The
     * first round after the start or a reversal looks at every live thread;
     * later ones only at those left behind (a thread in the goal state stays
     * there, and threads created since begin in it), so that a long
     * transition does not stop every thread at each retry. Callers serialise
     * rounds with reversals.
     *
     * @return {@code true} when every live thread is in the goal state
     */
    public boolean round() {
        tally.rounds++;
        int g = goal;
        Affected aff = affected;
        Map<Thread, Long> seen = new HashMap<>();
        for (Map.Entry<Thread, ThreadState> e : states.entrySet()) {
            seen.put(e.getKey(), e.getValue().word());
        }
        Map<Thread, StackTraceElement[]> stacks;
        if (pending == null) {
            stacks = Threads.stacks(seen.keySet(), t -> {
                ThreadState s = states.get(t);
                return s != null && ThreadState.state(s.word()) == g;
            });
        } else {
            // Threads found in the goal state stay there until a reversal: look only at the others, and
            // not again at those left behind last time that have switched themselves since.
            Set<Thread> look = new HashSet<>();
            for (Thread t : pending) {
                Long before = seen.get(t);
                if (before == null || ThreadState.state(before) != g) {
                    look.add(t);
                }
            }
            for (Map.Entry<Thread, Long> e : seen.entrySet()) {
                if (ThreadState.state(e.getValue()) != g) {
                    look.add(e.getKey());
                }
            }
            stacks = Threads.stacksOf(look);
        }
        Set<Thread> left = new HashSet<>();
        List<Blocker> blocking = new ArrayList<>();
        // The thread running the round may itself call affected methods (a patched JDK method) while it
        // does; it is the owner of its state, so it switches as on entry, by its own walk.
        Thread self = Thread.currentThread();
        ThreadState mine = states.computeIfAbsent(self, this::fresh);
        long w = mine.enter();
        boolean done = ThreadState.state(w) == g;
        if (!done) {
            mine.checking = true; // affected methods the walk calls run as they are, without a walk of their own
            try {
                    done = OwnStack.clean(aff, false) && mine.trySwitch(mine.word(), g);
                if (done) {
                    mine.switched();
                    tally.self.increment();
                }
            } finally {
                mine.checking = false;
            }
        }
        if (!done) {
            StackTraceElement[] frames = self.getStackTrace();
            int first = aff.first(frames);
            blocking.add(blocker(self, first < 0 ? "a patched method" : frames[first].toString()));
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
            Thread t = e.getKey();
            if (t == self) {
                continue;
            }
            if (!t.isAlive()) {
                states.remove(t);
                continue;
            }
            ThreadState s = states.get(t);
            Long before = seen.get(t);
            if (s != null && before == null) {
                done = false; // it entered an affected method while the stacks were taken
                left.add(t);
                continue;
            }
            int state = s == null ? defaultState(t) : ThreadState.state(before);
            if (state == g) {
                continue;
            }
            StackTraceElement[] frames = e.getValue();
            int first = aff.first(frames);
            if (first >= 0) {
                blocking.add(blocker(t, frames[first].toString()));
                done = false;
                left.add(t);
                if (s != null) {
                    // The thread is clean once its bottom affected frame returns: its next entry of that
                    // method walks, whatever quiet time the entries of its callees have set.
                    StackTraceElement bottom = frames[aff.last(frames)];
                    s.exempt(bottom.getClassName() + "." + bottom.getMethodName());
                }
            } else if (s == null ? states.putIfAbsent(t, new ThreadState(g)) != null : !s.trySwitch(before, g)) {
                done = false; // it entered an affected method since; look again next round
                left.add(t);
            } else {
                tally.manager++;
            }
        }
        for (Thread t : seen.keySet()) {
            if (!t.isAlive()) {
                states.remove(t);
            }
        }
        pending = left;
        waiting.reset(left, t -> {
            ThreadState s = states.get(t);
            return s != null && ThreadState.state(s.word()) == g;
        });
        blocking.sort(java.util.Comparator.comparingLong(Blocker::id));
        blockers = List.copyOf(blocking);
        return done;
    }

    /**
     * After a switch to {@code g}: if a reversal turned the goal round during
     * the walk, follow the new goal. Otherwise a round of the reversed
     * transition could have counted this thread as in the goal (it was, before
     * the switch) and completed, its steady snapshots then running the callee
     * of the other state under this entry. The stack is still clean here, so
     * any state is safe; the switch (a compare-and-set) comes before this read
     * of the goal, and the reversal writes the goal before its round reads the
     * states, so one of the two sees the other.
     */
    private boolean settle(ThreadState s, int g) {
        int now = goal;
        if (now != g) {
            long w = s.word();
            if (ThreadState.state(w) != now) {
                s.trySwitch(w, now);
            }
            return ThreadState.state(s.word()) == ThreadState.PATCHED;
        }
        return g == ThreadState.PATCHED;
    }

    /** A thread's state, or null: for tests. */
    ThreadState stateOf(Thread t) {
        return states.get(t);
    }

    static Blocker blocker(Thread t, String frame) {
        return new Blocker(t.getName(), t.getId(), Threads.virtual(t), frame);
    }

    private ThreadState fresh(Thread t) {
        return new ThreadState(defaultState(t));
    }

    private int defaultState(Thread t) {
        long id = t.getId();
        for (Epoch e = epochs; e != null; e = e.older) {
            if (id > e.watermark) {
                return e.state;
            }
        }
        return initial;
    }

    /** A thread id larger than that of every thread created so far. */
    private static long watermark() {
        return new Thread(WATERMARKS, null, "jlivepatch-watermark", 0, false).getId();
    }
}
