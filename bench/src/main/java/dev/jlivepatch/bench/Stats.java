package dev.jlivepatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The measured iterations of one {@link TransitionBench} trial, summarised as median and maximum. */
final class Stats {
    private final List<Long> op = new ArrayList<>();
    private final List<Long> call = new ArrayList<>();
    private final List<Long> pause = new ArrayList<>();
    private final List<Long> baseline = new ArrayList<>();
    private final List<Long> safepoint = new ArrayList<>();
    private final List<Long> baselineSafepoint = new ArrayList<>();

    void add(long opNanos, long callNanos, long gapNanos, long baselineGapNanos, long safepointNanos,
             long baselineSafepointNanos) {
        op.add(opNanos);
        call.add(callNanos);
        pause.add(gapNanos);
        baseline.add(baselineGapNanos);
        safepoint.add(safepointNanos);
        baselineSafepoint.add(baselineSafepointNanos);
    }

    /** One line: per figure, median / maximum over the measured iterations, in ms. */
    String summary(String operation, String load, int threads) {
        return String.format(Locale.ROOT,
                "TRANSITION %s load=%s threads=%d n=%d: op %s ms, call %s ms, max gap %s ms (baseline %s ms),"
                        + " longest safepoint %s ms (baseline %s ms) (median / max over iterations; jdk %s)",
                operation, load, threads, op.size(), both(op), both(call), both(pause), both(baseline),
                both(safepoint), both(baselineSafepoint),
                System.getProperty("java.version"));
    }

    private static String both(List<Long> values) {
        if (values.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        return String.format(Locale.ROOT, "%.2f / %.2f", median / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
