package dev.jlivepatch.selftest.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A forked JVM that keeps running while the test changes its watched
 * directory: its output (the application's {@code OUT} lines and the agent's
 * log, as {@link Run} reads them) is collected as it comes, and the test waits
 * for lines to appear. Closing its standard input ends the application.
 */
final class Live implements AutoCloseable {
    private static final long TIMEOUT_MS = 15_000;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private int cursor;

    private Live(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "live-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} from {@code classpath} with {@code -javaagent:jlivepatch.jar=options}. */
    static Live start(Jdk jdk, String options, String classpath, String main) throws IOException {
        return start(List.of(), jdk, List.of(), options, classpath, main);
    }

    /** The same, behind a prefix (e.g. {@code sh -c 'umask 000; exec "$0" "$@"'}) and with more JVM flags. */
    static Live start(List<String> prefix, Jdk jdk, List<String> flags, String options, String classpath, String main)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(jdk.java().toString());
        cmd.addAll(flags);
        cmd.addAll(List.of("-javaagent:" + Run.AGENT + "=" + options, "-cp", classpath, main));
        return new Live(new ProcessBuilder(cmd).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = in.readLine(); l != null; l = in.readLine()) {
                synchronized (this) {
                    lines.add(l);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /**
     * Waits for a line containing {@code fragment} after the last line waited for, and moves past it:
     * waits are ordered, as the events they stand for.
     */
    synchronized String await(String fragment) throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (true) {
            for (int i = cursor; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    cursor = i + 1;
                    return lines.get(i);
                }
            }
            long left = end - System.currentTimeMillis();
            if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                fail("no line containing '" + fragment + "' after line " + cursor + "; output:\n" + output());
            }
            wait(Math.min(left, 100));
        }
    }

    /** Waits for the application to print {@code OUT line}. */
    String awaitOut(String line) throws InterruptedException {
        return await("OUT " + line);
    }

    /** How many lines so far contain {@code fragment}. */
    synchronized int count(String fragment) {
        return (int) lines.stream().filter(l -> l.contains(fragment)).count();
    }

    /** The last thing the application printed. */
    synchronized String lastOut() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("OUT ")) {
                return lines.get(i).substring(4);
            }
        }
        return null;
    }

    /** Asserts the application printed {@code expected} last, and that {@code fragment} was logged {@code n} times. */
    Live expect(String expected, String fragment, int n) {
        assertEquals(expected, lastOut(), () -> "last output; all:\n" + output());
        assertEquals(n, count(fragment), () -> "lines containing '" + fragment + "'; all:\n" + output());
        return this;
    }

    /** The agent's log messages and the application's lines, as {@link Run#events()} gives them. */
    synchronized List<String> events() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            int at = l.indexOf("jlivepatch - ");
            if (at >= 0) {
                out.add(Run.event(l.substring(at + "jlivepatch - ".length())));
            } else if (l.startsWith("OUT ")) {
                out.add(l);
            }
        }
        return out;
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    /** Ends the application (its standard input closes) and checks that it exits, with status 0. */
    void finish() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the application did not exit (is the watcher thread not a daemon?); output:\n" + output());
        }
        reader.join(5_000);
        assertEquals(0, process.exitValue(), () -> "exit status; output:\n" + output());
        await("OUT done");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
