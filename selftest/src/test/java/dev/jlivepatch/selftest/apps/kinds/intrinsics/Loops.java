package dev.jlivepatch.selftest.apps.kinds.intrinsics;

/**
 * Hot loops over JVM intrinsics (and one ordinary JDK method, Math.floorMod). Each call makes
 * about a thousand calls of its JDK method, a few of them with a probe argument for which the
 * test's patches answer {@link #MARK} and the JDK never does, and returns how many probe calls
 * answered {@code MARK}: 0 when the JDK's own code ran, {@link #PROBES} when the replacement did.
 */
final class Loops {
    /** The probe arguments and the patches' answer; the same values as patches.kinds.intrinsics.Probe. */
    static final int PROBE = -123_456_789;
    static final double PROBE_D = 7777.0;
    static final byte PROBE_B = 0x5a;
    static final int MARK = -42;
    /** Probe calls in one loop call. */
    static final int PROBES = 10;
    private static final int N = 1000;

    // Not final, and filled at run time, so that C2 cannot fold the inputs.
    private static int[] in = new int[N];
    private static double[] ind = new double[N];
    private static byte[][] left = new byte[N / 10][];
    private static byte[][] right = new byte[N / 10][];
    private static boolean[] probePair = new boolean[N / 10];
    /** Where each loop leaves its sum, so that the calls are not dead code. */
    static volatile long sink;

    static {
        for (int i = 0; i < N; i++) {
            boolean probe = i % (N / PROBES) == 7;
            in[i] = probe ? PROBE : (i * 7919) % 20_000 - 10_000;
            ind[i] = probe ? PROBE_D : i * 1.5;
        }
        for (int i = 0; i < left.length; i++) {
            left[i] = new byte[16];
            right[i] = new byte[16];
            for (int j = 0; j < 16; j++) {
                left[i][j] = (byte) (i + j);
                right[i][j] = (byte) (i % 3 == 0 ? j : i + j);
            }
            if (i % (left.length / PROBES) == 3) {
                probePair[i] = true;
                left[i][0] = PROBE_B;
                right[i] = left[i].clone();
            }
        }
    }

    private Loops() {
    }

    static int abs() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Math.abs(x);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    static int bitCount() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Integer.bitCount(x);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    static int max() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Math.max(x, 3);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    static int multiplyExact() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Math.multiplyExact(x, 3);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    static int numberOfTrailingZeros() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Integer.numberOfTrailingZeros(x);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    static int reverse() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Integer.reverse(x);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }

    /** Arrays.equals(byte[], byte[]): the probe pairs are equal, and the patch says they are not. */
    static int equals() {
        int hits = 0;
        long sum = 0;
        for (int k = 0; k < 10; k++) {
            for (int i = 0; i < left.length; i++) {
                boolean r = java.util.Arrays.equals(left[i], right[i]);
                sum += r ? 1 : 0;
                hits += k == 0 && probePair[i] && !r ? 1 : 0;
            }
        }
        sink = sum;
        return hits;
    }

    static int sqrt() {
        int hits = 0;
        double sum = 0;
        for (double x : ind) {
            double r = Math.sqrt(x);
            sum += r;
            hits += x == PROBE_D && r == MARK ? 1 : 0;
        }
        sink = (long) sum;
        return hits;
    }

    /** The control: Math.floorMod(int, int) is no intrinsic, so its patch holds in compiled code. */
    static int floorMod() {
        int hits = 0;
        long sum = 0;
        for (int x : in) {
            int r = Math.floorMod(x, 7);
            sum += r;
            hits += x == PROBE && r == MARK ? 1 : 0;
        }
        sink = sum;
        return hits;
    }
}
