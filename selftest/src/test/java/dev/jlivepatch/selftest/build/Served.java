package dev.jlivepatch.selftest.build;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jlivepatch.selftest.harness.Jdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An application started plainly ({@code java -cp JAR MAIN serve}, no agent,
 * no flag) that answers each line of its stdin with one {@code OUT} line:
 * the target of {@code load} by attach.
 */
final class Served implements AutoCloseable {
    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private Served(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, "served-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static Served start(Jdk jdk, String classpath, String main) throws IOException, InterruptedException {
        Served s = new Served(new ProcessBuilder(jdk.java().toString(), "-cp", classpath, main, "serve")
                .redirectErrorStream(true).start());
        s.answer("ready");
        return s;
    }

    long pid() {
        return process.pid();
    }

    /** Sends a command word; returns its answer without the word. */
    String ask(String word) throws IOException, InterruptedException {
        stdin.write(word + "\n");
        stdin.flush();
        return answer(word);
    }

    private String answer(String word) throws InterruptedException {
        String line = answers.poll(60, TimeUnit.SECONDS);
        if (line == null) {
            fail("no answer to '" + word + "'; the application printed:\n" + output());
        }
        assertTrue(line.startsWith(word), () -> "answer to '" + word + "': " + line + "\n" + output());
        return line.substring(word.length()).trim();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
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

    @Override
    public void close() {
        try {
            stdin.write("quit\n");
            stdin.close();
            if (process.waitFor(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }
}
