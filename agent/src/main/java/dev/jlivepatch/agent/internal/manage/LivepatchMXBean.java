package dev.jlivepatch.agent.internal.manage;

import java.util.List;

/**
 * The management interface, {@code dev.jlivepatch:type=Livepatch}: the JVM's
 * counterpart of the kernel's {@code /sys/kernel/livepatch}. It is the one
 * control surface of the command line and of JMX clients (the watched directory,
 * inside the JVM, calls the core directly).
 * Operations fail with an exception whose message is the one-line reason.
 */
public interface LivepatchMXBean {

    /** @return the version of the jlivepatch agent running in this JVM */
    String getVersion();

    /** @return every registered patch, bottom of the stack first */
    List<PatchInfo> getPatches();

    /**
     * The threads that keep the running transition from completing, one line
     * each: {@code thread 'NAME' (id N[, virtual]) in FRAME}.
     *
     * @return the blockers; empty when no transition runs or nothing blocks it
     */
    List<String> getBlockers();

    /**
     * The same threads as {@link #getBlockers()}, item by item, for programs.
     *
     * @return the blockers; empty when no transition runs or nothing blocks it
     */
    List<BlockerInfo> getBlockingThreads();

    /**
     * The last transition that completed: its patch, kind, duration, the
     * manager's rounds, and how many threads switched themselves and how many
     * the manager switched.
     *
     * @return the last completed transition, or null before the first
     */
    TransitionInfo getLastTransition();

    /**
     * Reads a patch jar, puts it on top of the stack and enables it (the
     * kernel's insmod). Returns once the patching transition has started; see
     * {@link #awaitTransition}.
     *
     * @param path the patch jar, as a path in this JVM's file system
     * @return the patch id
     */
    String load(String path);

    /**
     * As {@link #load(String)}, and with {@code deferredTargets} the patch may
     * target classes that no class loader of the JVM can find yet (a web
     * application deployed later): they are patched when they load. Without
     * it such a target refuses the patch, as a misspelled one should.
     *
     * @param path the patch jar, as a path in this JVM's file system
     * @param deferredTargets accept targets that no class loader can find yet
     * @return the patch id
     */
    String load(String path, boolean deferredTargets);

    /**
     * What {@link #load(String, boolean)} would do with this jar, found
     * without changing anything: the classes it would patch per class loader
     * and their methods, each check of a load and its outcome, and the
     * threads that would block its transition now. A check that fails is
     * reported, not thrown.
     *
     * @param path the patch jar, as a path in this JVM's file system
     * @param deferredTargets as for {@link #load(String, boolean)}
     * @return the report
     */
    DryRunInfo dryRun(String path, boolean deferredTargets);

    /**
     * The calls of each replacement counted so far: while counting is on
     * ({@link #countCalls}), since its patch was applied to its class.
     *
     * @return whether counting is on, since and until when, and the counts
     */
    CallsInfo getCalls();

    /**
     * Counts the calls of every replacement from now for {@code millis}
     * (longer if a window asked for earlier ends later), then switches back
     * by itself. While nobody counts, the stubs run the plain bridges, which
     * cost nothing; while counting, a bridge that adds one to a counter.
     *
     * @param millis the window, in milliseconds, more than 0
     * @return the counts as they stood just before counting started: subtract them from a later
     *     {@link #getCalls()} for the calls in between
     */
    CallsInfo countCalls(long millis);

    /**
     * Stops counting now, whatever window was asked for.
     *
     * @return the counts
     */
    CallsInfo stopCounting();

    /**
     * Enables a disabled patch (writing 1 to the kernel's {@code enabled});
     * returns once its transition has started.
     *
     * @param id the patch to enable
     */
    void enable(String id);

    /**
     * Disables an enabled patch (writing 0 to the kernel's {@code enabled});
     * returns once its transition has started. Disabling a patch whose
     * patching transition still runs reverses that transition.
     *
     * @param id the patch to disable
     */
    void disable(String id);

    /** @param id the disabled patch to drop from the stack (the kernel's rmmod) */
    void remove(String id);

    /**
     * Completes the running transition of a patch without the consistency
     * check (the kernel's {@code force}); unsafe, and logged.
     *
     * @param id the patch whose transition is stalled
     */
    void force(String id);

    /**
     * Waits until no transition runs, so that clients need not poll.
     *
     * @param millis the longest time to wait, in milliseconds
     * @return {@code true} when no transition runs, {@code false} when one still ran at the end
     */
    boolean awaitTransition(long millis);
}
