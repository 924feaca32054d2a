package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;

/** A completed transition, as the MBean shows the last one (an open type: {@code CompositeData} to JMX clients). */
public final class TransitionInfo {
    private final String patch;
    private final String kind;
    private final double durationMillis;
    private final int rounds;
    private final long selfSwitched;
    private final long managerSwitched;
    private final boolean reversed;
    private final boolean forced;

    /**
     * @param patch the patch id
     * @param kind {@code patching} or {@code unpatching}: the way it completed
     * @param durationMillis from its "starting ... transition" log line to its "... complete" line (the last
     *     start, for a reversed transition)
     * @param rounds the transition manager's rounds
     * @param selfSwitched threads that switched themselves on entry to an affected method
     * @param managerSwitched threads the manager's rounds switched
     * @param reversed whether it was reversed on the way
     * @param forced whether it was forced
     */
    @ConstructorProperties({"patch", "kind", "durationMillis", "rounds", "selfSwitched", "managerSwitched",
        "reversed", "forced"})
    public TransitionInfo(String patch, String kind, double durationMillis, int rounds, long selfSwitched,
                          long managerSwitched, boolean reversed, boolean forced) {
        this.patch = patch;
        this.kind = kind;
        this.durationMillis = durationMillis;
        this.rounds = rounds;
        this.selfSwitched = selfSwitched;
        this.managerSwitched = managerSwitched;
        this.reversed = reversed;
        this.forced = forced;
    }

    /** @return the patch id */
    public String getPatch() {
        return patch;
    }

    /** @return {@code patching} or {@code unpatching}: the way the transition completed */
    public String getKind() {
        return kind;
    }

    /** @return how long it took, in milliseconds, from its start (or its last reversal) to its completion */
    public double getDurationMillis() {
        return durationMillis;
    }

    /** @return the transition manager's rounds (stack dumps of the threads left behind) */
    public int getRounds() {
        return rounds;
    }

    /** @return how many threads switched themselves, on entry to an affected method */
    public long getSelfSwitched() {
        return selfSwitched;
    }

    /** @return how many threads the transition manager switched */
    public long getManagerSwitched() {
        return managerSwitched;
    }

    /** @return whether the transition was reversed on the way */
    public boolean isReversed() {
        return reversed;
    }

    /** @return whether the transition was forced */
    public boolean isForced() {
        return forced;
    }
}
