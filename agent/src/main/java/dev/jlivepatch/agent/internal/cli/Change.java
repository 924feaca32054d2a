package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands that change a JVM's patches: {@code load}, {@code enable},
 * {@code disable}, {@code remove}, {@code force}. Each asks the MBean and,
 * where a transition follows, waits for it (unless {@code --no-wait}): the
 * request is carried out only when the transition has completed.
 */
final class Change {

    private Change() {
    }

    static void run(Args args, Connector connector, Out out) throws Failure {
        String command = args.command();
        for (String key : new String[] {"command", "pid", "id", "attached", "agentVersion", "result", "patch",
            "blockers", "notices", "error"}) {
            out.report.put(key, null);
        }
        if (args.dryRun()) {
            out.report.put("dryRun", null); // before "error", which Out keeps last
        }
        out.report.put("command", command);
        out.report.put("blockers", List.of());
        out.report.put("notices", List.of());
        boolean load = command.equals("load");
        args.expect("PID", load ? "PATCH.jar" : "ID");
        args.allow(!command.equals("remove"), load);
        long pid = args.pid(0);
        out.report.put("pid", pid);
        Path jar = null;
        if (load) {
            jar = Path.of(args.operands().get(1)).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw Failure.failed("no patch jar at " + jar + (Files.exists(jar) ? " (not a regular file)" : ""));
            }
        } else {
            out.report.put("id", args.operands().get(1));
        }
        try (Connection c = connector.connect(pid, load, args.options(), out)) {
            out.report.put("attached", c.attached());
            out.report.put("agentVersion", c.agentVersion());
            if (args.dryRun()) {
                DryRunCommand.run(c, args, out, jar);
                return;
            }
            if (load) {
                Path from = jar;
                if (!c.attached()) {
                    out.line("jlivepatch " + c.agentVersion() + " is already loaded in JVM " + pid);
                }
                // Without the flag, the one-argument operation: agents older than the flag have only that one.
                String id = c.call(m -> args.deferredTargets() ? m.load(from.toString(), true)
                        : m.load(from.toString()));
                out.report.put("id", id);
                out.line("loaded patch '" + id + "' from " + from + "; patching transition started");
                settle(c, args, out, id, "patching");
                return;
            }
            String id = args.operands().get(1);
            c.requireAgent(id);
            switch (command) {
                case "enable" -> {
                    c.call(m -> {
                        m.enable(id);
                        return null;
                    });
                    settle(c, args, out, id, "patching");
                }
                case "disable" -> {
                    c.call(m -> {
                        m.disable(id);
                        return null;
                    });
                    settle(c, args, out, id, "unpatching");
                }
                case "remove" -> {
                    c.call(m -> {
                        m.remove(id);
                        return null;
                    });
                    out.report.put("result", "complete");
                    out.line("patch '" + id + "' removed from JVM " + pid);
                }
                default -> force(c, args, out, id);
            }
        } finally {
            out.report.put("notices", out.notices());
        }
    }

    private static void force(Connection c, Args args, Out out, String id) throws Failure {
        PatchInfo before = find(c, id);
        String kind = before == null || "none".equals(before.getTransition()) ? null : before.getTransition();
        c.call(m -> {
            m.force(id);
            return null;
        });
        out.line("forced the " + (kind == null ? "" : kind + " ") + "transition of '" + id
                + "' (without the consistency check)");
        settle(c, args, out, id, kind == null ? "patching" : kind);
    }

    /**
     * Waits for the transition {@code kind} of patch {@code id} and reports the
     * outcome: complete, still running ({@code --no-wait}), timed out with its
     * blockers, or reversed by someone else meanwhile.
     */
    private static void settle(Connection c, Args args, Out out, String id, String kind) throws Failure {
        String what = "the " + kind + " transition of '" + id + "'";
        if (args.noWait()) {
            boolean done = c.call(m -> m.awaitTransition(0));
            out.report.put("result", done ? "complete" : "running");
            PatchInfo p = report(c, out, id, List.of());
            out.line(done ? outcome(p, id, kind)
                    : what + " is running; follow it with '" + Usage.PROGRAM + " status " + c.pid() + "'");
            return;
        }
        Waiter.Outcome o = Waiter.await(c, out, what, args.timeoutOrDefault());
        if (!o.done()) {
            out.report.put("result", "timeout");
            report(c, out, id, o.blockers());
            timedOut(c, out, id, kind, o);
        }
        PatchInfo p = report(c, out, id, List.of());
        boolean wanted = kind.equals("patching");
        if (p == null) {
            throw Failure.failed(what + " ended, but patch '" + id + "' is no longer loaded in JVM " + c.pid());
        }
        if (p.isEnabled() != wanted) {
            out.report.put("result", "reversed");
            throw Failure.failed(what + " was reversed (by another request meanwhile): patch '" + id + "' is "
                    + (p.isEnabled() ? "enabled" : "disabled"));
        }
        out.report.put("result", "complete");
        out.line(outcome(p, id, kind));
        if (wanted) {
            Views.describe(p).stream().skip(1).forEach(out::line);
        }
    }

    private static String outcome(PatchInfo p, String id, String kind) {
        return "patch '" + id + "' " + (p != null && p.isEnabled() ? "enabled" : "disabled") + ": " + kind
                + " complete";
    }

    /** Prints the blockers and what to do, and fails with status 3: the transition keeps running. */
    private static void timedOut(Connection c, Out out, String id, String kind, Waiter.Outcome o) throws Failure {
        String what = "the " + kind + " transition of '" + id + "'";
        List<BlockerInfo> blockers = o.blockers();
        out.line(what + " has not completed after " + Durations.show(o.waited()) + (blockers.isEmpty()
                ? "; no thread blocks it at this moment" : "; " + Views.threads(blockers.size())
                        + " still run code it replaces:"));
        for (BlockerInfo b : blockers) {
            out.line("    " + b);
        }
        String reverse = kind.equals("patching") ? "disable" : "enable";
        out.line("It keeps running in JVM " + c.pid() + " and completes once those threads leave that code. Meanwhile:");
        out.line("    " + Usage.PROGRAM + " status " + c.pid() + "        shows where it stands");
        out.line("    " + Usage.PROGRAM + " " + reverse + " " + c.pid() + " " + id + "   reverses it (back to the "
                + (kind.equals("patching") ? "original" : "patched") + " code)");
        out.line("    " + Usage.PROGRAM + " force " + c.pid() + " " + id + "     completes it without the consistency"
                + " check (unsafe)");
        throw Failure.timeout(what + " did not complete within " + Durations.show(o.waited())
                + (blockers.isEmpty() ? "" : ", blocked by " + Views.threads(blockers.size()))
                + "; it keeps running: '" + reverse + "' reverses it, 'force' completes it");
    }

    private static PatchInfo report(Connection c, Out out, String id, List<BlockerInfo> blockers) throws Failure {
        PatchInfo p = find(c, id);
        out.report.put("patch", p == null ? null : Views.patch(p));
        out.report.put("blockers", Views.blockers(blockers));
        return p;
    }

    private static PatchInfo find(Connection c, String id) throws Failure {
        for (PatchInfo p : c.call(LivepatchMXBean::getPatches)) {
            if (p.getId().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
