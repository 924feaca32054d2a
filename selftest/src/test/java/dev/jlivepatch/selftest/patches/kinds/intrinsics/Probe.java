package dev.jlivepatch.selftest.patches.kinds.intrinsics;

/**
 * The arguments for which the intrinsics patches answer {@link #MARK}, where the JDK never does:
 * the same values as the app's Loops. Every other argument gets the JDK's own answer, so that the
 * JVM keeps working if a patch runs.
 */
public final class Probe {
    public static final int INT = -123_456_789;
    public static final double DOUBLE = 7777.0;
    public static final byte BYTE = 0x5a;
    public static final int MARK = -42;

    private Probe() {
    }
}
