package dev.jlivepatch.selftest.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One forked JVM: an application started with the shipped agent jar. Its
 * output is read whole once it exits; applications print what they observe as
 * lines starting {@code OUT }, and the agent logs as {@code jlivepatch - ...}.
 */
public final class Run {
    public static final Path AGENT = Path.of(System.getProperty("jlivepatch.agent", "../agent/target/jlivepatch.jar"))
            .toAbsolutePath();
    private static final Path WORK = Path.of(System.getProperty("jlivepatch.work", "target/selftest-work"));
    /** How long a forked JVM may run before it is killed: 120 s, or {@code -Djlivepatch.run.timeout=SECONDS} for long variants. */
    private static final long TIMEOUT = Long.getLong("jlivepatch.run.timeout", 120);

    private static final Pattern DURATION = Pattern.compile("^('[^']*': (?:un)?patching complete) in \\d+(?:\\.\\d)? m?s$");

    public final List<String> lines;
    public final int exit;

    private Run(List<String> lines, int exit) {
        this.lines = lines;
        this.exit = exit;
    }

    /** A fresh directory for one test's jars (what an earlier run left there is deleted, folders too). */
    public static Path workDir(String name) throws IOException {
        Path dir = WORK.resolve(name).toAbsolutePath();
        Files.createDirectories(dir);
        try (var old = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return dir;
    }

    /** A fresh directory for one test's files, emptied of everything, subdirectories included. */
    public static Path freshDir(String name) throws IOException {
        Path dir = WORK.resolve(name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /**
     * Runs {@code main} from {@code classpath} with {@code -javaagent:jlivepatch.jar=options}
     * (no agent when options is null), and waits for it to exit.
     */
    public static Run java(Jdk jdk, String options, String classpath, String main, String... args)
            throws IOException, InterruptedException {
        return javaWith(jdk, List.of(), options, classpath, main, args);
    }

    /** As {@link #java}, with JVM options (such as {@code -Dkey=value}) before the agent's. */
    public static Run javaWith(Jdk jdk, List<String> jvmOptions, String options, String classpath, String main,
            String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(jvmOptions);
        if (options != null) {
            cmd.add("-javaagent:" + AGENT + (options.isEmpty() ? "" : "=" + options));
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(main);
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", cmd) + "\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(lines, p.exitValue());
    }

    /** A log message of the agent as an event: {@code livepatch: MESSAGE}, a completion's duration as {@code TIME}. */
    public static String event(String message) {
        return "livepatch: " + DURATION.matcher(message).replaceFirst("$1 in TIME");
    }

    /** The application's observations: lines starting {@code OUT }, without the prefix. */
    public List<String> out() {
        return lines.stream().filter(l -> l.startsWith("OUT ")).map(l -> l.substring(4)).collect(Collectors.toList());
    }

    /**
     * The agent's log messages and the application's observations, in order, as "livepatch: ..." and "OUT ...".
     * A transition's duration on its completion line ({@code 'ID': patching complete in 12 ms}) reads
     * {@code in TIME}.
     */
    public List<String> events() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            int at = l.indexOf("jlivepatch - ");
            if (at >= 0) {
                out.add(event(l.substring(at + "jlivepatch - ".length())));
            } else if (l.startsWith("OUT ")) {
                out.add(l);
            }
        }
        return out;
    }

    public Run exitsWith(int code) {
        assertEquals(code, exit, () -> "exit status; output:\n" + this);
        return this;
    }

    /** Asserts the events equal these, in this order, as the kernel's selftests compare dmesg. */
    public Run expectEvents(String... expected) {
        assertEquals(String.join("\n", expected), String.join("\n", events()), () -> "full output:\n" + this);
        return this;
    }

    public Run expectOut(String... expected) {
        assertEquals(List.of(expected), out(), () -> "full output:\n" + this);
        return this;
    }

    public Run expectLine(String fragment) {
        assertTrue(lines.stream().anyMatch(l -> l.contains(fragment)),
                () -> "no line contains '" + fragment + "'; output:\n" + this);
        return this;
    }

    public Run expectNoLine(String fragment) {
        assertTrue(lines.stream().noneMatch(l -> l.contains(fragment)),
                () -> "a line contains '" + fragment + "'; output:\n" + this);
        return this;
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
