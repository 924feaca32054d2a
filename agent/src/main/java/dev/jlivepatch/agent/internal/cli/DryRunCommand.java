package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.CheckInfo;
import dev.jlivepatch.agent.internal.manage.DryRunInfo;
import dev.jlivepatch.agent.internal.manage.TargetInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code load PID PATCH.jar --dry-run}: what the load would do, asked of the
 * agent, which changes nothing: the classes it would patch per class loader,
 * each check and its outcome, the threads that would block its transition
 * now. Status 0 when every check passed, 1 with the refusal a load would give.
 */
final class DryRunCommand {

    private DryRunCommand() {
    }

    static void run(Connection c, Args args, Out out, Path jar) throws Failure {
        if (c.attached()) {
            out.note("jlivepatch was loaded into JVM " + c.pid() + " to check the patch; the agent changes no class"
                    + " until a patch is enabled");
        }
        DryRunInfo r = c.call(m -> m.dryRun(jar.toString(), args.deferredTargets()));
        out.report.put("id", r.getId());
        out.report.put("result", "dry-run");
        out.report.put("blockers", Views.blockers(r.getBlockingThreads()));
        out.report.put("dryRun", json(r));
        String about = r.getDescription() == null || r.getDescription().isBlank() ? "" : " (" + r.getDescription()
                + ")";
        out.line("dry run of " + (r.getId() == null ? jar.toString() : "patch '" + r.getId() + "'" + about + " from "
                + jar) + " in JVM " + c.pid() + ": nothing was changed");
        for (CheckInfo k : r.getChecks()) {
            out.line("    check " + k.getName() + ": " + (k.isPassed() ? "passed" : "FAILED") + " - " + k.getDetail());
        }
        if (!r.getTargets().isEmpty()) {
            out.line("it would patch" + (r.getReplaces().isEmpty() ? ""
                    : ", replacing " + String.join(", ", r.getReplaces())) + ":");
            for (TargetInfo t : r.getTargets()) {
                List<String> methods = new ArrayList<>();
                t.getMethods().forEach(m -> methods.add(Views.method(m)));
                out.line("    " + t.getClassName() + " (loader " + t.getLoader() + "): " + String.join(", ", methods)
                        + (t.isLoaded() ? "" : " (not loaded yet: as it loads)"));
            }
        }
        List<BlockerInfo> blockers = r.getBlockingThreads();
        if (r.getId() != null) {
            out.line(blockers.isEmpty() ? "no thread runs a method it would replace: its transition would complete at"
                    + " once if it started now" : "its patching transition would wait now for "
                    + Views.threads(blockers.size()) + ":");
        }
        blockers.forEach(b -> out.line("    " + b));
        r.getNotes().forEach(n -> out.line("note: " + n));
        if (r.getRefusal() != null) {
            out.line("a check failed: '" + Usage.PROGRAM + " load' would refuse the patch");
            throw Failure.failed(r.getRefusal());
        }
        out.line("every check passed: '" + Usage.PROGRAM + " load " + c.pid() + " " + jar + "' would enable patch '"
                + r.getId() + "'");
    }

    /**
     * The {@code dryRun} object: description, replace, replaces, targets (class, loaded, loader, methods), checks
     * (name, passed, detail), notes, refusal.
     */
    static Map<String, Object> json(DryRunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", r.getDescription());
        m.put("replace", r.isReplace());
        m.put("replaces", List.copyOf(r.getReplaces()));
        List<Object> targets = new ArrayList<>();
        for (TargetInfo t : r.getTargets()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("class", t.getClassName());
            tm.put("loaded", t.isLoaded());
            tm.put("loader", t.getLoader());
            tm.put("methods", List.copyOf(t.getMethods()));
            targets.add(tm);
        }
        m.put("targets", targets);
        List<Object> checks = new ArrayList<>();
        for (CheckInfo k : r.getChecks()) {
            Map<String, Object> km = new LinkedHashMap<>();
            km.put("name", k.getName());
            km.put("passed", k.isPassed());
            km.put("detail", k.getDetail());
            checks.add(km);
        }
        m.put("checks", checks);
        m.put("notes", List.copyOf(r.getNotes()));
        m.put("refusal", r.getRefusal());
        return m;
    }
}
