package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.CallInfo;
import dev.jlivepatch.agent.internal.manage.CallsInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status PID --calls DURATION}: the calls of every replacement in a
 * window. The agent counts from the request for the window and switches back
 * by itself at its end (so nothing counts once the window is over, even if
 * this command line goes away); the counts read at the start are subtracted
 * from those read at the end, so that other clients' windows do not add to
 * this one's.
 */
final class Calls {

    private Calls() {
    }

    /** Counts for {@code window}, printing that it does; returns the calls in the window, per replacement. */
    static List<CallInfo> count(Connection c, Duration window, Out out) throws Failure {
        CallsInfo start = c.call(m -> m.countCalls(window.toMillis()));
        out.line("counting the calls of every replacement for " + Durations.show(window) + " ...");
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.failed("interrupted while counting calls");
        }
        CallsInfo end = c.call(LivepatchMXBean::getCalls);
        Map<String, Long> before = new HashMap<>();
        start.getCalls().forEach(n -> before.put(n.key(), n.getCalls()));
        List<CallInfo> out2 = new ArrayList<>();
        for (CallInfo n : end.getCalls()) {
            out2.add(new CallInfo(n.getPatch(), n.getClassName(), n.getLoader(), n.getMethod(),
                    n.getCalls() - before.getOrDefault(n.key(), 0L)));
        }
        return out2;
    }

    /** Prints the counts, and returns the {@code calls} object of the JSON document. */
    static Map<String, Object> report(List<CallInfo> calls, Duration window, Out out) {
        out.line(calls.isEmpty() ? "no replacement is applied: no call to count"
                : "calls in " + Durations.show(window) + ", per replacement:");
        List<Object> list = new ArrayList<>();
        for (CallInfo n : calls) {
            out.line("    '" + n.getPatch() + "' " + n.getClassName() + " (loader " + n.getLoader() + ") "
                    + Views.method(n.getMethod()) + ": " + n.getCalls());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("patch", n.getPatch());
            m.put("class", n.getClassName());
            m.put("loader", n.getLoader());
            m.put("method", n.getMethod());
            m.put("calls", n.getCalls());
            list.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("millis", window.toMillis());
        json.put("replacements", list);
        return json;
    }
}
