package dev.jlivepatch.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up with and without the agent (issue 14, part 3): whole-process runs of each configuration, taken in
 * turn (configuration 1, 2, ..., then again), so that a busy minute falls on all of them alike. A
 * configuration is a command; for a program that keeps running (the sample service) the time is until its
 * first line matching {@code --ready REGEX}, after which it is stopped with SIGTERM. Each run is wrapped in
 * {@code /usr/bin/time -f %M} for the peak resident set. Prints per configuration the median and the
 * minimum of the times and the median peak RSS.
 *
 * <p>Arguments: {@code ROUNDS [--ready REGEX] NAME=COMMAND...}; a command is split on spaces.
 */
public final class StartupBench {
    private StartupBench() {
    }

    /**
     * Runs the configurations.
     *
     * @param args see the class comment
     * @throws Exception if a run fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        String ready = null;
        Map<String, List<String>> configs = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--ready")) {
                ready = args[++i];
            } else {
                int eq = args[i].indexOf('=');
                configs.put(args[i].substring(0, eq), Arrays.asList(args[i].substring(eq + 1).split(" ")));
            }
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        configs.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int r = 0; r < rounds + 1; r++) {
            for (Map.Entry<String, List<String>> c : configs.entrySet()) {
                double[] run = run(c.getValue(), ready);
                if (r > 0) { // the first round warms the file-system cache
                    results.get(c.getKey()).add(run);
                }
            }
        }
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] rss = e.getValue().stream().mapToDouble(x -> x[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "STARTUP %-28s median %7.1f ms  min %7.1f ms  max %7.1f ms  peak RSS median %6.1f MiB"
                    + "  (%d runs)%n", e.getKey(), median(ms), ms[0], ms[ms.length - 1], median(rss) / 1024,
                    ms.length);
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One run: {ms until exit or ready, peak RSS in KiB}. */
    private static double[] run(List<String> command, String ready) throws Exception {
        Path rssFile = Files.createTempFile("startup-rss", ".txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-o", rssFile.toString(), "-f", "%M"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long t1 = -1;
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(line);
                if (ready != null && t1 < 0 && line.matches(ready)) {
                    t1 = System.nanoTime();
                    p.children().forEach(ProcessHandle::destroy); // SIGTERM to the JVM under time
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("still running: " + command);
        }
        if (t1 < 0) {
            t1 = System.nanoTime();
            if (ready != null || p.exitValue() != 0) {
                throw new IOException("failed: " + command + ": " + out);
            }
        }
        String rss = Files.readString(rssFile).trim();
        Files.delete(rssFile);
        String[] lines = rss.split("\n");
        return new double[] {(t1 - t0) / 1e6, Double.parseDouble(lines[lines.length - 1].trim())};
    }
}
