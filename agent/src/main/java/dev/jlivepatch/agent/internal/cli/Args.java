package dev.jlivepatch.agent.internal.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed command line: the command, its operands, and the flags, which may
 * come anywhere. Each flag is accepted only by the commands it means something to.
 *
 * @param command the command, or null for none
 * @param operands what follows the command, flags removed
 * @param json {@code --json}: one JSON document on stdout
 * @param help {@code --help}
 * @param noWait {@code --no-wait}: return once the transition has started
 * @param timeout {@code --timeout}: how long to wait for a transition
 * @param options {@code --options}: agent options passed through on attach, or null
 * @param version {@code --version}
 * @param deferredTargets {@code --deferred-targets}: {@code load} accepts targets no class loader can find yet
 * @param dryRun {@code --dry-run}: {@code load} reports what it would do and changes nothing
 * @param calls {@code --calls}: {@code status} counts the calls of every replacement for this long; or null
 * @param build the options of {@code build}
 */
record Args(String command, List<String> operands, boolean json, boolean help, boolean noWait, Duration timeout,
            String options, boolean version, boolean deferredTargets, boolean dryRun, Duration calls,
            BuildFlags build) {

    /** How long {@code load}, {@code enable}, {@code disable} and {@code force} wait by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static Args parse(String[] args) throws Failure {
        String command = null;
        List<String> operands = new ArrayList<>();
        boolean json = false;
        boolean help = false;
        boolean noWait = false;
        Duration timeout = null;
        String options = null;
        boolean version = false;
        boolean deferredTargets = false;
        boolean dryRun = false;
        Duration calls = null;
        BuildFlags.Collector build = new BuildFlags.Collector();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if ((a.startsWith("--") || a.startsWith("-o=")) && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--no-wait" -> noWait = true;
                case "--version" -> version = true;
                case "--deferred-targets" -> deferredTargets = true;
                case "--dry-run" -> dryRun = true;
                case "--calls" -> calls = Durations.parse(value != null ? value : next(args, ++i, a), a);
                case "--timeout" -> timeout = Durations.parse(value != null ? value : next(args, ++i, a));
                case "--options" -> options = value != null ? value : next(args, ++i, a);
                default -> {
                    if (BuildFlags.VALUED.contains(a) || a.equals("--replace") || a.equals("--explain")) {
                        boolean valued = BuildFlags.VALUED.contains(a);
                        build.take(a, valued ? (value != null ? value : next(args, ++i, a)) : value);
                        if (!valued && value != null) {
                            throw Failure.usage("option '" + a + "' takes no value");
                        }
                        continue;
                    }
                    if (a.startsWith("-") && a.length() > 1) {
                        throw Failure.usage("unknown option '" + args[i] + "' (see --help)");
                    }
                    if (command == null) {
                        command = a;
                    } else {
                        operands.add(a);
                    }
                }
            }
            if (value != null && !(a.equals("--timeout") || a.equals("--options") || a.equals("--calls"))) {
                throw Failure.usage("option '" + a + "' takes no value");
            }
        }
        return new Args(command, List.copyOf(operands), json, help, noWait, timeout, options, version,
                deferredTargets, dryRun, calls, build.done());
    }

    private static String next(String[] args, int i, String flag) throws Failure {
        if (i >= args.length) {
            throw Failure.usage("option '" + flag + "' needs a value (see --help)");
        }
        return args[i];
    }

    /** The timeout given, or the default. */
    Duration timeoutOrDefault() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Refuses operands beyond or short of what the command takes. */
    void expect(String... names) throws Failure {
        if (operands.size() != names.length) {
            String form = (command + " " + String.join(" ", names)).trim();
            throw Failure.usage((operands.size() > names.length ? "unexpected '" + operands.get(names.length)
                    + "'" : "missing " + names[operands.size()]) + ": the form is '" + form + "' (see '" + command
                    + " --help')");
        }
    }

    /** Refuses the flags a command does not understand, instead of ignoring them. */
    void allow(boolean waits, boolean load) throws Failure {
        if (!waits && (noWait || timeout != null)) {
            throw Failure.usage("'" + command + "' does not wait for a transition: --no-wait and --timeout do not"
                    + " apply");
        }
        if (noWait && timeout != null) {
            throw Failure.usage("--no-wait and --timeout exclude each other");
        }
        if (!load && options != null) {
            throw Failure.usage("--options applies only to 'load' (the agent options, passed on attach)");
        }
        if (build.any() && !"build".equals(command)) {
            throw Failure.usage("option '" + build.first() + "' applies only to 'build'");
        }
        if (!load && dryRun) {
            throw Failure.usage("--dry-run applies only to 'load' (it reports what the load would do)");
        }
        if (dryRun && (noWait || timeout != null)) {
            throw Failure.usage("--dry-run starts no transition: --no-wait and --timeout do not apply");
        }
        if (calls != null && !"status".equals(command)) {
            throw Failure.usage("--calls applies only to 'status' (it counts the calls of every replacement)");
        }
        if (!load && deferredTargets) {
            throw Failure.usage("--deferred-targets applies only to 'load' (it accepts targets that no class loader"
                    + " can find yet)");
        }
    }

    /** The PID operand, at {@code index}. */
    long pid(int index) throws Failure {
        String s = operands.get(index);
        try {
            long pid = Long.parseLong(s);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // the reason below
        }
        throw Failure.usage("'" + s + "' is not a process id (see '" + Usage.PROGRAM + " jvms')");
    }
}
