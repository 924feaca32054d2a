package dev.jlivepatch.agent;

import dev.jlivepatch.agent.internal.cli.Commands;

/** The command line: {@code java -jar jlivepatch.jar COMMAND}. */
public final class Cli {

    private Cli() {
    }

    /**
     * Runs one command and exits with its status.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        System.exit(Commands.run(args, System.out, System.err));
    }
}
