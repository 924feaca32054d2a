package dev.jlivepatch.selftest.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real sample service ({@code samples/target/sample-app.jar}) running in
 * a forked JVM, started as its users start it ({@code java -jar}), with or
 * without the agent; found through the port file it writes, spoken to over
 * HTTP, and stopped as a service manager stops it (SIGTERM).
 */
final class SampleService implements AutoCloseable {
    /** Where samples/pom.xml leaves the service and its patch jars. */
    static final Path JARS = Path.of(System.getProperty("jlivepatch.samples", "../samples/target")).toAbsolutePath();

    private final Process process;
    private final Path log;
    private final Path portFile;
    private final String base;

    private SampleService(Process process, Path log, Path portFile, String base) {
        this.process = process;
        this.log = log;
        this.portFile = portFile;
        this.base = base;
    }

    /** A jar built by samples/pom.xml, such as {@code sample-lookup-fix.jar}. */
    static Path jar(String name) {
        Path jar = JARS.resolve(name);
        assertTrue(Files.isRegularFile(jar), () -> jar + " is missing: build the samples module first");
        return jar;
    }

    /**
     * Starts the service on any free port, with {@code -javaagent:jlivepatch.jar=options} unless
     * options is null, and the given extra environment; returns once it serves.
     */
    static SampleService start(Jdk jdk, Path dir, String options, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(jdk, dir, options, env, "sample-app.jar");
    }

    /** As {@link #start(Jdk, Path, String, Map)}, from another build of the service ({@code sample-app-fixed.jar}). */
    static SampleService start(Jdk jdk, Path dir, String options, Map<String, String> env, String appJar)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        if (options != null) {
            cmd.add("-javaagent:" + Run.AGENT + "=" + options);
        }
        Path portFile = dir.resolve("port");
        Files.deleteIfExists(portFile);
        cmd.addAll(List.of("-jar", jar(appJar).toString(), "--port", "0", "--port-file", portFile.toString()));
        Path log = dir.resolve("service.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isRegularFile(portFile)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("the service did not write its port file (exit " + (p.isAlive() ? "none" : p.exitValue())
                        + "); output:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        String port = Files.readString(portFile).strip();
        return new SampleService(p, log, portFile, "http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** The port it listens on (loopback). */
    int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** {@code GET path?name=value&...} with each value URL-encoded; the status and the body, as "200 text". */
    String get(String path, String... params) throws IOException {
        StringBuilder url = new StringBuilder(base).append(path);
        for (int i = 0; i < params.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(params[i]).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpURLConnection http = (HttpURLConnection) new URL(url.toString()).openConnection();
        http.setConnectTimeout(10_000);
        http.setReadTimeout(30_000);
        int status = http.getResponseCode();
        try (InputStream body = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            return status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /**
     * Runs the samples' own client, {@code java -jar sample-client.jar URL NAME=VALUE...}, as the demo
     * does where curl is missing; its exit status and output, as "0 text".
     */
    String fetch(Jdk jdk, String path, String... params) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(jdk.java().toString(), "-jar", jar("sample-client.jar").toString(),
                base + path));
        cmd.addAll(List.of(params));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the client did not exit");
        return p.exitValue() + " " + out;
    }

    /** Everything the service (and the agent in it) printed so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Sends SIGTERM and asserts a clean stop: it exits soon, says so, and removes its port file. */
    void stopCleanly() throws IOException, InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the service did not stop within 30 s of SIGTERM");
        // 143 = 128 + SIGTERM: the JVM's status after running its shutdown hooks for that signal.
        assertEquals(143, process.exitValue(), () -> "exit status after SIGTERM; output:\n" + logText());
        assertTrue(output().lines().anyMatch(l -> l.equals("sample-service: stopped")),
                () -> "no 'sample-service: stopped' line; output:\n" + logText());
        assertFalse(Files.exists(portFile), "the port file is left behind");
    }

    private String logText() {
        try {
            return output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
