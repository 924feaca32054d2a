package dev.jlivepatch.selftest.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line as users run it, {@code java -jar jlivepatch.jar ARGS},
 * in its own JVM: exit status, stdout and stderr kept apart.
 */
public final class CliRun {
    /** The command that ran, for failure messages. */
    public final List<String> command;
    /** Its exit status. */
    public final int exit;
    /** Its stdout and stderr, as lines. */
    public final List<String> out;
    public final List<String> err;

    private CliRun(List<String> command, int exit, List<String> out, List<String> err) {
        this.command = command;
        this.exit = exit;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line on {@code jdk}. */
    public static CliRun run(Jdk jdk, Object... args) throws IOException, InterruptedException {
        return run(List.of(), jdk.java(), Run.AGENT, null, args);
    }

    /**
     * Runs the command line behind a prefix (e.g. {@code setpriv ...}), with this java, jar and working
     * directory (null: the test's).
     */
    public static CliRun run(List<String> prefix, Path java, Path jar, Path dir, Object... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(java.toString());
        cmd.add("-jar");
        cmd.add(jar.toString());
        for (Object a : args) {
            cmd.add(String.valueOf(a));
        }
        return exec(cmd, dir);
    }

    /** Runs any command line and keeps what it printed. */
    public static CliRun exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Path o = Files.createTempFile("cli-", ".out");
        Path e = Files.createTempFile("cli-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + cmd);
            }
            return new CliRun(cmd, p.exitValue(), Files.readAllLines(o, StandardCharsets.UTF_8),
                    Files.readAllLines(e, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(o);
            Files.deleteIfExists(e);
        }
    }

    /** Asserts success: status 0 and nothing on stderr. */
    public CliRun ok() {
        assertEquals(0, exit, this::toString);
        assertEquals(List.of(), err, this::toString);
        return this;
    }

    /** Asserts a failure: this status, and exactly one line on stderr, {@code jlivepatch: reason}. */
    public CliRun fails(int status, String reason) {
        assertEquals(status, exit, this::toString);
        assertEquals(List.of("jlivepatch: " + reason), err, this::toString);
        return this;
    }

    /** Asserts a failure with this status whose one stderr line contains every fragment. */
    public CliRun failsWith(int status, String... fragments) {
        assertEquals(status, exit, this::toString);
        assertEquals(1, err.size(), () -> "one line on stderr; " + this);
        assertTrue(err.get(0).startsWith("jlivepatch: "), this::toString);
        for (String f : fragments) {
            assertTrue(err.get(0).contains(f), () -> "stderr lacks '" + f + "'; " + this);
        }
        return this;
    }

    /** Asserts some stdout line contains the fragment. */
    public CliRun says(String fragment) {
        assertTrue(out.stream().anyMatch(l -> l.contains(fragment)), () -> "stdout lacks '" + fragment + "'; " + this);
        return this;
    }

    /** Asserts no stdout line contains the fragment. */
    public CliRun neverSays(String fragment) {
        assertTrue(out.stream().noneMatch(l -> l.contains(fragment)), () -> "stdout has '" + fragment + "'; " + this);
        return this;
    }

    /** The {@code --json} document: stdout must be exactly one line of JSON. */
    public Map<String, Object> json() {
        assertEquals(1, out.size(), () -> "one line of JSON on stdout; " + this);
        return JsonParser.object(out.get(0));
    }

    @Override
    public String toString() {
        return String.join(" ", command) + "\nexit " + exit + "\n--- stdout\n" + String.join("\n", out)
                + "\n--- stderr\n" + String.join("\n", err);
    }
}
