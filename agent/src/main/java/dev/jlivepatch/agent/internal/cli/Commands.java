package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.AgentVersion;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command line, {@code java -jar jlivepatch.jar COMMAND}: the commands of
 * DESIGN.md, their exit statuses, and the {@code --json} documents
 * (docs/command-line.md). Every failure ends here, as one line on stderr.
 */
public final class Commands {

    private Commands() {
    }

    /**
     * Runs one command.
     *
     * @param args the command line
     * @param out stdout: results, progress, and the {@code --json} document
     * @param err stderr: the one-line reason of a failure
     * @return the exit status: 0 done, 1 refused or failed, 2 wrong command line, 3 transition timed out
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Attach());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Connector connector) {
        Args a;
        try {
            a = Args.parse(args);
        } catch (Failure f) {
            Out o = new Out(out, err, Arrays.asList(args).contains("--json"));
            o.report.put("command", null);
            return o.finish(f);
        }
        Out o = new Out(out, err, a.json());
        o.report.put("command", a.command());
        try {
            dispatch(a, connector, o);
            return o.finish(null);
        } catch (Failure f) {
            return o.finish(f);
        } catch (RuntimeException | LinkageError e) {
            // A bug or a broken runtime: still one line, and the status of a failure.
            return o.finish(Failure.failed("internal error: " + e));
        }
    }

    private static void dispatch(Args a, Connector connector, Out o) throws Failure {
        String command = a.command();
        if (a.help() || "help".equals(command)) {
            String topic = "help".equals(command) ? (a.operands().isEmpty() ? null : a.operands().get(0)) : command;
            String text = topic == null ? Usage.GENERAL : Usage.of(topic);
            if (text == null) {
                throw Failure.usage("unknown command '" + topic + "' (see --help)");
            }
            o.report.put("command", "help");
            o.report.put("help", text);
            o.line(text);
            return;
        }
        if (a.version()) {
            o.report.put("command", "version");
            o.report.put("version", AgentVersion.current());
            o.line("jlivepatch " + AgentVersion.current());
            return;
        }
        if (command == null) {
            o.line(Usage.GENERAL);
            throw Failure.usage("no command given");
        }
        switch (command) {
            case "jvms" -> {
                a.expect();
                a.allow(false, false);
                Jvms.run(o);
            }
            case "status" -> Status.run(a, connector, o);
            case "build" -> BuildCommand.run(a, o);
            case "load", "enable", "disable", "remove", "force" -> Change.run(a, connector, o);
            default -> throw Failure.usage("unknown command '" + command + "' (see --help)");
        }
    }
}
