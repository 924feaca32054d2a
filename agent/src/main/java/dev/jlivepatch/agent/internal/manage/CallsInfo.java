package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/** The calls of every replacement counted so far, read at one moment (an open type). */
public final class CallsInfo {
    private final boolean counting;
    private final long since;
    private final long until;
    private final List<CallInfo> calls;

    /**
     * @param counting whether calls are counted now
     * @param since when counting was last switched on, in milliseconds since the epoch; 0 if never
     * @param until when counting switches off by itself, in milliseconds since the epoch; 0 when it is off
     * @param calls per replacement applied now
     */
    @ConstructorProperties({"counting", "since", "until", "calls"})
    public CallsInfo(boolean counting, long since, long until, List<CallInfo> calls) {
        this.counting = counting;
        this.since = since;
        this.until = until;
        this.calls = List.copyOf(calls);
    }

    /** @return whether the stubs count calls now */
    public boolean isCounting() {
        return counting;
    }

    /** @return when counting was last switched on (ms since the epoch), or 0 if it never was */
    public long getSince() {
        return since;
    }

    /** @return when counting switches off by itself (ms since the epoch), or 0 when it is off */
    public long getUntil() {
        return until;
    }

    /** @return the counts, per replacement of every patch applied now, in stack order */
    public List<CallInfo> getCalls() {
        return calls;
    }
}
