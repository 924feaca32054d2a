package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.CallInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status PID}: the kernel's {@code /sys/kernel/livepatch} read in one
 * go. A JVM without the agent has no patches; that is an answer, not a failure.
 * With {@code --calls DURATION}, first the calls of every replacement in that window.
 */
final class Status {

    private Status() {
    }

    static void run(Args args, Connector connector, Out out) throws Failure {
        out.report.put("command", "status");
        out.report.put("pid", null);
        out.report.put("agent", null);
        out.report.put("agentVersion", null);
        out.report.put("patches", null);
        out.report.put("transition", null);
        out.report.put("lastTransition", null);
        out.report.put("calls", null);
        out.report.put("error", null);
        args.expect("PID");
        args.allow(false, false);
        long pid = args.pid(0);
        out.report.put("pid", pid);
        try (Connection c = connector.connect(pid, false, null, out)) {
            out.report.put("agent", c.hasAgent());
            if (!c.hasAgent()) {
                out.report.put("patches", List.of());
                out.line("JVM " + pid + ": jlivepatch is not loaded, so it has no patches ('load' attaches it)");
                return;
            }
            out.report.put("agentVersion", c.agentVersion());
            List<CallInfo> calls = args.calls() == null ? null : Calls.count(c, args.calls(), out);
            List<PatchInfo> patches = c.call(LivepatchMXBean::getPatches);
            List<BlockerInfo> blockers = c.call(LivepatchMXBean::getBlockingThreads);
            TransitionInfo last = last(c);
            print(out, pid, c.agentVersion(), patches, blockers);
            if (last != null) {
                out.report.put("lastTransition", Views.transition(last));
                out.line(Views.describe(last));
            }
            if (calls != null) {
                out.report.put("calls", Calls.report(calls, args.calls(), out));
            }
        }
    }

    /** The last completed transition, or null: also from an agent older than the attribute. */
    private static TransitionInfo last(Connection c) {
        try {
            return c.call(LivepatchMXBean::getLastTransition);
        } catch (Failure e) {
            return null;
        }
    }

    private static void print(Out out, long pid, String version, List<PatchInfo> patches,
                              List<BlockerInfo> blockers) {
        List<Object> json = new ArrayList<>();
        PatchInfo moving = null;
        out.line("JVM " + pid + ": jlivepatch " + version + ", " + (patches.isEmpty() ? "no patches"
                : patches.size() + (patches.size() == 1 ? " patch" : " patches") + " (bottom of the stack first)"));
        for (PatchInfo p : patches) {
            json.add(Views.patch(p));
            Views.describe(p).forEach(out::line);
            if (!"none".equals(p.getTransition())) {
                moving = p;
            }
        }
        out.report.put("patches", json);
        if (moving == null) {
            out.line("no transition is running");
            return;
        }
        Map<String, Object> transition = new LinkedHashMap<>();
        transition.put("patch", moving.getId());
        transition.put("state", moving.getTransition());
        transition.put("blockers", Views.blockers(blockers));
        out.report.put("transition", transition);
        String what = "the " + moving.getTransition() + " transition of '" + moving.getId() + "'";
        if (blockers.isEmpty()) {
            out.line(what + " is running; no thread blocks it now");
        } else {
            out.line(what + " is running, blocked by " + Views.threads(blockers.size()) + ":");
            for (BlockerInfo b : blockers) {
                out.line("    " + b);
            }
        }
    }
}
