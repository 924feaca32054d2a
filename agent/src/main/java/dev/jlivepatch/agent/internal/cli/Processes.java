package dev.jlivepatch.agent.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks a PID before attaching to it, so that each common mistake gets its
 * own reason instead of an attach error, and so that a process that is not a
 * JVM is never sent the attach signal: the JDK 17 attach sends SIGQUIT
 * unconditionally, and SIGQUIT kills a process that does not handle it.
 */
final class Processes {
    /** SIGQUIT is signal 3: bit 2 of the {@code SigCgt} mask in {@code /proc/PID/status}. */
    private static final long SIGQUIT_BIT = 1L << 2;

    private Processes() {
    }

    /** Refuses this JVM itself, a PID with no process, another user's process, and a process that is no JVM. */
    static void check(long pid) throws Failure {
        if (pid == ProcessHandle.current().pid()) {
            throw Failure.failed("pid " + pid + " is this command's own JVM, not the application's: give the pid of"
                    + " the JVM to patch (see '" + Usage.PROGRAM + " jvms')");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw Failure.failed("no process with pid " + pid + " (see '" + Usage.PROGRAM
                    + " jvms' for the JVMs you can attach to)");
        }
        List<String> status = status(pid);
        if (status == null) {
            return; // no /proc (not Linux): the attach itself reports what is wrong
        }
        long owner = uid(status);
        long self = uid(status(ProcessHandle.current().pid()));
        if (owner >= 0 && self >= 0 && owner != self && self != 0) {
            String user = process.get().info().user().orElse("uid " + owner);
            throw Failure.failed("JVM " + pid + " belongs to user '" + user + "', and a JVM accepts attach only"
                    + " from its own user (or root): run this command as that user, e.g. sudo -u " + user + " "
                    + Usage.PROGRAM + " ...");
        }
        if (!catchesSigquit(status) && !listening(pid, status)) {
            String command = process.get().info().command().orElse("?");
            throw Failure.failed("process " + pid + " (" + command + ") is not a JVM that accepts attach: it neither"
                    + " handles SIGQUIT, the signal that starts a JVM's attach listener, nor has that listener running"
                    + " (see '" + Usage.PROGRAM + " jvms' for the JVMs you can attach to)");
        }
    }

    /**
     * Whether the JVM's attach listener already runs (its socket exists), as
     * in a JVM started with {@code -Xrs} (which leaves SIGQUIT alone and starts
     * the listener at once) or {@code -XX:+StartAttachListener}, or attached
     * to before: attach then needs no signal. The socket is named with the pid inside the target's
     * PID namespace, in its own {@code /tmp}.
     */
    static boolean listening(long pid, List<String> status) {
        String[] ns = field(status, "NSpid:");
        String inner = ns.length == 0 ? Long.toString(pid) : ns[ns.length - 1];
        try {
            return Files.exists(Path.of("/proc", Long.toString(pid), "root", "tmp", ".java_pid" + inner));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The uid JVM {@code pid} runs as, or -1 when it cannot be told (no {@code /proc}). */
    static long uidOf(long pid) {
        return uid(status(pid));
    }

    /** This command's own uid, or -1. */
    static long ownUid() {
        return uidOf(ProcessHandle.current().pid());
    }

    /** The pid of JVM {@code pid} inside its own PID namespace (the one it reports itself). */
    static long innerPid(long pid) {
        String[] ns = field(status(pid), "NSpid:");
        return ns.length == 0 ? pid : Long.parseLong(ns[ns.length - 1]);
    }

    /**
     * A path of the target's file system as this command reaches it: through {@code /proc/PID/root}
     * when the target runs in another mount namespace (another container), as the JDK's attach does.
     */
    static Path inTarget(long pid, Path path) {
        try {
            Path mine = Files.readSymbolicLink(Path.of("/proc/self/ns/mnt"));
            Path its = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt"));
            if (!mine.equals(its) && path.isAbsolute()) {
                return Path.of("/proc", Long.toString(pid), "root").resolve(path.getRoot().relativize(path));
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or not allowed to look: the path as the JVM names it
        }
        return path;
    }

    /** The lines of {@code /proc/PID/status}, or null where there is none. */
    static List<String> status(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The effective uid in a {@code /proc/PID/status}, or -1. */
    static long uid(List<String> status) {
        String[] f = field(status, "Uid:");
        return f.length > 1 ? Long.parseLong(f[1]) : -1;
    }

    /** Whether a {@code /proc/PID/status} shows SIGQUIT caught; true when it cannot tell. */
    static boolean catchesSigquit(List<String> status) {
        String[] f = field(status, "SigCgt:");
        if (f.length == 0) {
            return true;
        }
        return (Long.parseUnsignedLong(f[0], 16) & SIGQUIT_BIT) != 0;
    }

    private static String[] field(List<String> status, String name) {
        if (status != null) {
            for (String line : status) {
                if (line.startsWith(name)) {
                    String rest = line.substring(name.length()).trim();
                    return rest.isEmpty() ? new String[0] : rest.split("\\s+");
                }
            }
        }
        return new String[0];
    }
}
