package dev.jlivepatch.selftest.attach;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running target JVM for attach: {@code attach.app.Server} started with
 * nothing but the given JVM flags (none by default), no agent. Commands go to
 * its stdin; its {@code OUT} answers, the agent's log and the JVM's own
 * warnings are all kept, in order.
 */
public final class Target implements AutoCloseable {
    /** The packages of the target application: the patchable Greeter and the server around it. */
    public static final String[] APP = {"dev.jlivepatch.selftest.apps", "dev.jlivepatch.selftest.attach.app"};
    static final String MAIN = "dev.jlivepatch.selftest.attach.app.Server";

    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private String ready;

    private Target(Process process) {
        this.process = process;
        this.stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "target-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The application jar, built from the test classes. */
    public static Path appJar(Path dir) throws IOException {
        return Jars.app(dir.resolve("app.jar"), APP);
    }

    /** Starts the server on {@code jdk} with these JVM flags and waits until it is ready. */
    public static Target start(Jdk jdk, Path appJar, String... flags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(List.of(flags));
        cmd.add("-cp");
        cmd.add(appJar.toString());
        cmd.add(MAIN);
        return launch(cmd, 60);
    }

    /**
     * Starts any command whose program answers as the server does (an {@code OUT ready ...} line once it
     * serves, {@code quit} on stdin), and waits up to {@code seconds} for it to be ready.
     */
    public static Target launch(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Target t = new Target(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        try {
            t.ready = t.answer("ready", seconds);
        } catch (AssertionError e) {
            t.close();
            throw e;
        }
        return t;
    }

    /** What the program said after {@code ready} (e.g. its pid and port). */
    public String ready() {
        return ready;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends a command and returns its answer, the {@code OUT} line without the command word. */
    public String ask(String command) throws IOException, InterruptedException {
        stdin.write(command + "\n");
        stdin.flush();
        return answer(command);
    }

    private String answer(String word) throws InterruptedException {
        return answer(word, 60);
    }

    private String answer(String word, int seconds) throws InterruptedException {
        String line = answers.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            fail("no answer to '" + word + "' from the target; its output:\n" + output());
        }
        assertTrue(line.startsWith(word), () -> "answer to '" + word + "': " + line + "\n" + output());
        return line.substring(word.length()).trim();
    }

    /** Everything the target printed so far. */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Whether some line printed so far contains the fragment. */
    public boolean printed(String fragment) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(fragment));
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(l);
                }
                if (l.startsWith("OUT ")) {
                    answers.add(l.substring(4));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Asks the server to quit, and ends it if it does not. */
    @Override
    public void close() {
        try {
            stdin.write("quit\n");
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
