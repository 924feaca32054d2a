package dev.jlivepatch.agent.internal.cli;

import java.util.Map;

/** The {@code --help} texts: one for the whole command line, one per command. */
final class Usage {
    /** How the command line is run; messages that suggest a next command use it. */
    static final String PROGRAM = "java -jar jlivepatch.jar";

    static final String GENERAL = String.join("\n",
            "usage: " + PROGRAM + " COMMAND [OPTIONS]",
            "",
            "Commands (PID: a running JVM's process id, as 'jvms' lists them):",
            "  jvms                   the JVMs you can attach to: pid, Java version, agent loaded or not, main class",
            "  load PID PATCH.jar     attach the agent if needed, load and enable the patch, wait for its transition",
            "                         (--dry-run: what it would patch, every check, who would block; changes nothing)",
            "  status PID             each patch: id, enabled, transition, targets; the threads blocking a transition",
            "                         (--calls DURATION: first count the calls of every replacement for that long)",
            "  enable PID ID          enable a disabled patch and wait for its transition",
            "  disable PID ID         disable a patch and wait for its transition (reverses one still patching)",
            "  remove PID ID          drop a disabled patch",
            "  force PID ID           complete a stalled transition without the consistency check (unsafe)",
            "  build --old OLD --new NEW --id ID -o OUT.jar",
            "                         make a patch jar of the methods that changed between two builds (kpatch-build)",
            "",
            "Options:",
            "  --json                 print one JSON document on stdout, for scripts",
            "  --no-wait              return once the transition has started (load, enable, disable, force)",
            "  --timeout DURATION     how long to wait for the transition: seconds, or 500ms, 30s, 2m (default 60s)",
            "  --options OPTS         agent options passed on attach (load only), e.g. --options dir=/etc/patches",
            "  --deferred-targets     accept targets no class loader can find yet, patched as they load (load only)",
            "  --dry-run              report what the load would do, and change nothing (load only)",
            "  --calls DURATION       count the calls of every replacement for DURATION, e.g. 30s (status only)",
            "  --replace, --include PATTERN, --explain, --description TEXT   see 'build --help'",
            "  --help                 this text; COMMAND --help for one command",
            "  --version              the jlivepatch version",
            "",
            "Exit status: 0 done; 1 refused or failed (reason on stderr; build: the report on stdout); 2 wrong command line;",
            "3 the transition did not complete in time (it keeps running: see 'status', 'disable', 'force').",
            "",
            "As an agent at startup:  java -javaagent:jlivepatch.jar=patch=FIX.jar[,patch=MORE.jar] -jar app.jar",
            "More: docs/command-line.md and docs/attach.md");

    private static final String BUILD = String.join("\n",
            "usage: " + PROGRAM + " build --old OLD --new NEW --id ID -o OUT.jar [--replace] [--include PATTERN]...",
            "       [--explain] [--description TEXT] [--json]",
            "Compares two builds of the same code (jars or class directories: OLD runs now, NEW has the fix)",
            "class by class and method by method, ignoring what does not change behaviour (line numbers,",
            "constant-pool order, local variable names, frames), and writes a patch jar with id ID that replaces",
            "exactly the changed methods, carrying the new helper methods, lambdas and classes they use.",
            "What cannot be patched safely refuses the build, each cause named with where it is: a new, removed",
            "or retyped field, a changed superclass or interface list, a changed signature that callers outside",
            "the patch use, a changed constructor or static initialiser, a super call in changed code.",
            "  --replace            an atomic-replace patch (Livepatch-Replace: true)",
            "  --include PATTERN    take only these changes: CLASS (with its nested classes) or CLASS#METHOD;",
            "                       '*' within a name, '**' across packages; repeat for more",
            "  --explain            report every method: what changed and the decision",
            "Exit status: 0 written; 1 refused (the report on stdout), nothing changed, or a build unreadable;",
            "2 wrong command line. More: docs/build.md");

    private static final Map<String, String> COMMANDS = Map.of("build", BUILD,
            "jvms", String.join("\n",
                    "usage: " + PROGRAM + " jvms [--json]",
                    "Lists the JVMs of your user (every JVM for root) that accept attach, reading each one's",
                    "system properties over attach: pid, Java version, the jlivepatch agent's version or '-', main class."),
            "load", String.join("\n",
                    "usage: " + PROGRAM + " load PID PATCH.jar [--options OPTS] [--deferred-targets]"
                            + " [--no-wait | --timeout DURATION | --dry-run] [--json]",
                    "Attaches the agent to JVM PID when it is not loaded there (passing OPTS; with OPTS, an agent",
                    "already loaded is given them again and keeps its state), loads and enables the patch jar,",
                    "and waits for its patching transition, printing progress. After the timeout it prints the",
                    "threads that block the transition and exits 3: 'disable' reverses it, 'force' completes it.",
                    "A target class that no class loader of the JVM can find refuses the patch (a typo in",
                    "@Patch(target)); with --deferred-targets it is accepted and patched when it loads, for classes",
                    "of a class loader that does not exist yet (a web application deployed later).",
                    "With --dry-run it changes nothing (it attaches the agent if needed, which changes no class) and",
                    "reports what the load would do: the classes it would patch per class loader and their methods,",
                    "each check of a load and its outcome, and the threads that would block its transition now.",
                    "Exit status 0 when every check passed, 1 with the reason a load would be refused."),
            "status", String.join("\n",
                    "usage: " + PROGRAM + " status PID [--calls DURATION] [--json]",
                    "Prints each patch of JVM PID, bottom of the stack first: id, enabled, transition, and the",
                    "methods it replaces per target class and class loader; while a transition runs, the threads",
                    "that block it and where. Never loads the agent.",
                    "With --calls DURATION (e.g. 30s, 10m) it first counts, for that long, the calls of every",
                    "replacement, and prints them per patch, class, loader and method: proof that the fix runs.",
                    "The agent counts only during the window (through a counting bridge) and switches back by itself."),
            "enable", String.join("\n",
                    "usage: " + PROGRAM + " enable PID ID [--no-wait | --timeout DURATION] [--json]",
                    "Enables a disabled patch (as writing 1 to the kernel's 'enabled') and waits for its transition."),
            "disable", String.join("\n",
                    "usage: " + PROGRAM + " disable PID ID [--no-wait | --timeout DURATION] [--json]",
                    "Disables a patch (as writing 0 to the kernel's 'enabled') and waits for its transition;",
                    "disabling a patch whose patching transition is still running reverses that transition."),
            "remove", String.join("\n",
                    "usage: " + PROGRAM + " remove PID ID [--json]",
                    "Drops a disabled patch from the stack (the kernel's rmmod)."),
            "force", String.join("\n",
                    "usage: " + PROGRAM + " force PID ID [--no-wait | --timeout DURATION] [--json]",
                    "Completes the running transition of patch ID without the consistency check (the kernel's",
                    "'force'): threads still in replaced code finish it with the code they started. Unsafe, logged;",
                    "a forced patch can no longer be disabled."));

    private Usage() {
    }

    /** The help for one command, or null for an unknown one. */
    static String of(String command) {
        return COMMANDS.get(command);
    }
}
