package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import dev.jlivepatch.selftest.apps.kinds.methods.Plain;
import java.io.IOException;
import java.util.List;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Plain")
public final class PlainFix {
    private PlainFix() {
    }

    @TargetField("log")
    static StringBuilder log(Plain self) {
        throw new AssertionError();
    }

    @Replace
    static String greet(Plain self, String who) {
        return "hi " + who;
    }

    @Replace
    static int twice(int x) {
        return 3 * x;
    }

    @Replace
    static String secret(Plain self) {
        return "PSST";
    }

    @Replace
    static int fin(Plain self, int x) {
        return x + 100;
    }

    @Replace
    static String sync(Plain self) {
        return "new locked=" + Thread.holdsLock(self);
    }

    @Replace
    static String staticSync() {
        return "new locked=" + Thread.holdsLock(Plain.class);
    }

    @Replace
    static int syncThrows(Plain self) {
        throw new UnsupportedOperationException("new sync locked=" + Thread.holdsLock(self));
    }

    @Replace
    static String join(Plain self, String sep, String... parts) {
        return String.join(sep + sep, parts);
    }

    @Replace
    static int count(Object... xs) {
        return 10 * xs.length;
    }

    /** The smallest, not the largest. */
    @Replace
    static <T extends Comparable<T>> T max(Plain self, List<T> xs) {
        T best = xs.get(0);
        for (T x : xs) {
            if (x.compareTo(best) < 0) {
                best = x;
            }
        }
        return best;
    }

    @Replace
    static double mix(byte b, short s, char c, int i, long l, float f, double d, boolean z) {
        return -(b + s + c + i + l + f + d + (z ? 1 : 0));
    }

    @Replace
    static long wide(Plain self, long a, double b, int c) {
        return a - (long) b - c;
    }

    @Replace
    static long[] scale(Plain self, long[] xs, long k) {
        long[] out = new long[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = xs[i] * k + 1;
        }
        return out;
    }

    @Replace
    static int[][] grid(int n) {
        int[][] g = new int[n][n];
        for (int[] row : g) {
            java.util.Arrays.fill(row, n);
        }
        return g;
    }

    @Replace
    static String[] split(Plain self, String s) {
        List<String> parts = new java.util.ArrayList<>(List.of(s.split(",")));
        java.util.Collections.reverse(parts);
        return parts.toArray(new String[0]);
    }

    @Replace
    static void record(Plain self, String s) {
        log(self).append("new:").append(s).append(';');
    }

    @Replace
    static char initial(Plain self, String s) {
        return s.charAt(s.length() - 1);
    }

    @Replace
    static boolean empty(Plain self, String s) {
        return !s.isEmpty();
    }

    @Replace
    static byte low(Plain self, int x) {
        return (byte) (x + 1);
    }

    @Replace
    static short half(Plain self, short x) {
        return (short) (x / 5);
    }

    @Replace
    static float third(Plain self, float x) {
        return x / 4;
    }

    @Replace
    static String fmt(Plain self, int x) {
        return "INT " + x;
    }

    @Replace
    static int parse(Plain self, String s) throws IOException {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            throw new IOException("new bad " + s);
        }
        return 2 * Integer.parseInt(s);
    }

    /** Recurses through the patched method, so every level runs this replacement. */
    @Replace
    static long tri(int n) {
        return n == 0 ? 1000 : 2L * n + Plain.tri(n - 1);
    }

    @Replace
    static int depth(Plain self, int n) {
        return n == 0 ? 100 : 2 + self.depth(n - 1);
    }
}
