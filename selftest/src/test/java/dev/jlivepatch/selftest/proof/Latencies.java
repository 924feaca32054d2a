package dev.jlivepatch.selftest.proof;

import java.util.List;

/** Latency percentiles and throughput of a set of exchanges, from their recorded times. */
public record Latencies(int count, double perSecond, long p50, long p99, long p999, long max) {

    /** Of {@code samples}, received within a window of {@code seconds}. */
    public static Latencies of(List<Load.Sample> samples, double seconds) {
        long[] l = samples.stream().mapToLong(Load.Sample::latency).sorted().toArray();
        if (l.length == 0) {
            return new Latencies(0, 0, 0, 0, 0, 0);
        }
        return new Latencies(l.length, l.length / seconds, at(l, 0.50), at(l, 0.99), at(l, 0.999), l[l.length - 1]);
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }

    /** {@code N requests, R/s, p50 X ms, p99 Y ms, p99.9 Z ms, max W ms}. */
    @Override
    public String toString() {
        return String.format("%d requests, %.0f/s, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.1f ms", count, perSecond,
                p50 / 1e6, p99 / 1e6, p999 / 1e6, max / 1e6);
    }
}
