package dev.jlivepatch.selftest.apps.lifecycle;

import dev.jlivepatch.selftest.apps.Ctl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code cli:ARGS} step: runs the shipped command line,
 * {@code java -jar jlivepatch.jar ARGS}, in a JVM of its own against this
 * one, as an operator would, and waits for it, so that its outcome comes in
 * order with the agent's log. Prints the step as {@code % cli ARGS} (files by
 * name), then each line the command printed, as {@code cli: LINE} for stdout
 * and {@code cli stderr: LINE}, then {@code cli exit STATUS}. In what it
 * printed, this JVM's pid reads {@code PID} and the agent's version
 * {@code VERSION}.
 */
final class CommandLine {
    private CommandLine() {
    }

    /** Runs the command line with ARGS (split at spaces; {@code PID} is this JVM's pid). */
    static void run(String args) throws IOException, InterruptedException {
        String pid = Long.toString(ProcessHandle.current().pid());
        List<String> shown = new ArrayList<>();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agentJar()));
        for (String a : args.split(" ")) {
            shown.add(a.contains("/") ? Path.of(a).getFileName().toString() : a);
            cmd.add(a.equals("PID") ? pid : a);
        }
        Ctl.out("% cli " + String.join(" ", shown));
        Path out = Files.createTempFile("cli-", ".out");
        Path err = Files.createTempFile("cli-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Ctl.out("cli timed out");
                return;
            }
            for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                Ctl.out("cli: " + plain(l, pid));
            }
            for (String l : Files.readAllLines(err, StandardCharsets.UTF_8)) {
                Ctl.out("cli stderr: " + plain(l, pid));
            }
            Ctl.out("cli exit " + p.exitValue());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String plain(String line, String pid) {
        String version = System.getProperty("jlivepatch.agent.version");
        String s = line.replace("JVM " + pid, "JVM PID");
        return version == null ? s : s.replace("jlivepatch " + version, "jlivepatch VERSION");
    }

    /** The agent jar this JVM was started with ({@code -javaagent:JAR[=OPTIONS]}). */
    private static String agentJar() {
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-javaagent:")) {
                String jar = a.substring("-javaagent:".length());
                int eq = jar.indexOf('=');
                return eq < 0 ? jar : jar.substring(0, eq);
            }
        }
        throw new IllegalStateException("started without -javaagent: no jlivepatch.jar to run");
    }
}
