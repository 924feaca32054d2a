package dev.jlivepatch.agent.internal.cli;

import java.io.PrintStream;

/** The commands of {@code java -jar jlivepatch.jar}. */
public final class Commands {
    static final String USAGE = String.join("\n",
            "usage: java -jar jlivepatch.jar COMMAND",
            "",
            "As an agent:  java -javaagent:jlivepatch.jar=patch=FIX.jar[,patch=MORE.jar] -jar app.jar",
            "",
            "Commands:",
            "  --help     this text",
            "  --version  the jlivepatch version",
            "",
            "Attach commands (jvms, load, status, enable, disable, remove, force) are not in this build yet.");

    private Commands() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version")) {
            Package p = Commands.class.getPackage();
            out.println("jlivepatch " + (p.getImplementationVersion() == null ? "dev" : p.getImplementationVersion()));
            return 0;
        }
        err.println("jlivepatch: unknown command '" + args[0] + "' (see --help)");
        return 2;
    }
}
