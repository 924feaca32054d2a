package dev.jlivepatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmark classes run in turn, one fork each, round after round (A, B, C, A, B, C, ...), instead of JMH's
 * order (every fork of A, then of B): on a shared machine a busy minute then falls on every class alike,
 * and each round gives a ratio taken minutes apart at most. Prints, per benchmark, the median and minimum of
 * its per-round scores, and per class and shape the median and range of its per-round ratio to the first
 * class. Arguments: {@code ROUNDS CLASS...} (simple names; the first is the baseline). Run from bench/.
 */
public final class AlternatingRuns {
    private AlternatingRuns() {
    }

    /**
     * Runs the rounds.
     *
     * @param args {@code ROUNDS CLASS...}
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (int c = 1; c < args.length; c++) {
                Options o = new OptionsBuilder().include("bench\\." + args[c] + "\\.").forks(1)
                        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                        .measurementIterations(5).measurementTime(TimeValue.seconds(1)).build();
                for (RunResult rr : new Runner(o).run()) {
                    String b = rr.getParams().getBenchmark();
                    String key = b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1);
                    scores.computeIfAbsent(key, k -> new ArrayList<>()).add(rr.getPrimaryResult().getScore());
                }
            }
        }
        System.out.println("ALTERNATING " + rounds + " rounds, java " + Runtime.version());
        scores.forEach((k, v) -> System.out.printf(Locale.ROOT, "ALTERNATING %-34s median %8.3f  min %8.3f  %s%n",
                k, median(v), v.stream().mapToDouble(Double::doubleValue).min().orElse(0), v));
        String base = args[1];
        for (int c = 2; c < args.length; c++) {
            for (String shape : List.of("single", "loop", "chain", "call", "enterExit", "select", "threadLocal")) {
                List<Double> a = scores.get(args[c] + "." + shape);
                List<Double> b = scores.get(base + "." + shape);
                if (a == null || b == null) {
                    continue;
                }
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                    ratios.add(a.get(i) / b.get(i));
                }
                System.out.printf(Locale.ROOT, "ALTERNATING %s/%s %-6s ratio median %.3f (%.3f to %.3f)%n", args[c],
                        base, shape, median(ratios), ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
