package dev.jlivepatch.agent.internal.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.jlivepatch.agent.internal.manage.AgentVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code jvms}: the JVMs that accept attach from this user (the JDK lists them
 * from their performance-data files), each attached to briefly to read its
 * Java version and whether the agent runs there. No agent is loaded.
 */
final class Jvms {

    private Jvms() {
    }

    static void run(Out out) throws Failure {
        out.report.put("command", "jvms");
        out.report.put("jvms", null);
        out.report.put("error", null);
        Attach.requireAttachModule();
        long self = ProcessHandle.current().pid();
        List<VirtualMachineDescriptor> found = new ArrayList<>(VirtualMachine.list());
        found.sort(Comparator.comparingLong(Jvms::pid));
        List<Object> rows = new ArrayList<>();
        out.line(String.format("%-8s %-5s %-16s %s", "PID", "JAVA", "AGENT", "MAIN"));
        for (VirtualMachineDescriptor d : found) {
            long pid = pid(d);
            if (pid == self || pid < 0) {
                continue;
            }
            Map<String, Object> row = row(pid, d);
            rows.add(row);
            String agent = row.get("error") != null ? "?"
                    : Boolean.TRUE.equals(row.get("agent")) ? String.valueOf(row.get("agentVersion")) : "-";
            out.line(String.format("%-8d %-5s %-16s %s", pid, row.get("java") == null ? "?" : row.get("java"), agent,
                    row.get("main")) + (row.get("error") == null ? "" : "  (" + row.get("error") + ")"));
        }
        out.report.put("jvms", rows);
    }

    private static Map<String, Object> row(long pid, VirtualMachineDescriptor d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pid", pid);
        row.put("main", mainClass(d.displayName()));
        row.put("java", null);
        row.put("agent", null);
        row.put("agentVersion", null);
        row.put("error", null);
        try {
            VirtualMachine vm = Attach.attach(pid);
            try {
                Properties props = vm.getSystemProperties();
                row.put("java", props.getProperty("java.specification.version"));
                String version = props.getProperty(AgentVersion.PROPERTY, props.getProperty(AgentVersion.STARTING));
                row.put("agent", version != null);
                row.put("agentVersion", version);
            } finally {
                Attach.detach(vm);
            }
        } catch (Failure f) {
            row.put("error", f.getMessage());
        } catch (java.io.IOException e) {
            row.put("error", AttachFailures.attach(pid, e));
        }
        return row;
    }

    /** The main class (or jar) from the JVM's command line, without its arguments. */
    static String mainClass(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "?";
        }
        return displayName.trim().split("\\s+", 2)[0];
    }

    private static long pid(VirtualMachineDescriptor d) {
        try {
            return Long.parseLong(d.id());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
