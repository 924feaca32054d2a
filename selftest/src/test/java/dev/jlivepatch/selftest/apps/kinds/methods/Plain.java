package dev.jlivepatch.selftest.apps.kinds.methods;

import java.io.IOException;
import java.util.List;

/** Target: one method of each ordinary kind. */
public class Plain {
    private final StringBuilder log = new StringBuilder();

    public String greet(String who) {
        return "hello " + who;
    }

    public static int twice(int x) {
        return 2 * x;
    }

    public String whisper() {
        return secret() + "!";
    }

    private String secret() {
        return "psst";
    }

    public final int fin(int x) {
        return x + 1;
    }

    public synchronized String sync() {
        return "orig locked=" + Thread.holdsLock(this);
    }

    public static synchronized String staticSync() {
        return "orig locked=" + Thread.holdsLock(Plain.class);
    }

    public synchronized int syncThrows() {
        throw new IllegalStateException("orig sync");
    }

    public String join(String sep, String... parts) {
        return String.join(sep, parts);
    }

    public static int count(Object... xs) {
        return xs.length;
    }

    public <T extends Comparable<T>> T max(List<T> xs) {
        T best = xs.get(0);
        for (T x : xs) {
            if (x.compareTo(best) > 0) {
                best = x;
            }
        }
        return best;
    }

    public static double mix(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
        return b + s + c + i + l + f + d + (z ? 1 : 0);
    }

    public long wide(long a, double b, int c) {
        return a + (long) b + c;
    }

    public long[] scale(long[] xs, long k) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i] * k;
        }
        return out;
    }

    public static int[][] grid(int n) {
        int[][] g = new int[n][n];
        for (int i = 0; i < n; i++) {
            g[i][i] = 1;
        }
        return g;
    }

    public String[] split(String s) {
        return s.split(",");
    }

    public void record(String s) {
        log.append("orig:").append(s).append(';');
    }

    public String log() {
        return log.toString();
    }

    public char initial(String s) {
        return s.charAt(0);
    }

    public boolean empty(String s) {
        return s.isEmpty();
    }

    public byte low(int x) {
        return (byte) x;
    }

    public short half(short x) {
        return (short) (x / 2);
    }

    public float third(float x) {
        return x / 3;
    }

    public String fmt(int x) {
        return "int " + x;
    }

    public String fmt(String x) {
        return "string " + x;
    }

    public int parse(String s) throws IOException {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new IOException("orig bad " + s);
        }
        return Integer.parseInt(s);
    }

    /** Triangular numbers, recursively. */
    public static long tri(int n) {
        return n == 0 ? 0 : n + tri(n - 1);
    }

    public int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }
}
