package dev.jlivepatch.fuzztest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte-array helpers of the mutators. */
final class Bytes {
    private Bytes() {
    }

    /** Replaces every occurrence of {@code from} by {@code to}, which has the same length. */
    static void replaceAll(byte[] in, byte[] from, byte[] to) {
        for (int at : indexesOf(in, from)) {
            System.arraycopy(to, 0, in, at, to.length);
        }
    }

    /** Where {@code what} starts in {@code in}. */
    static List<Integer> indexesOf(byte[] in, byte[] what) {
        List<Integer> out = new ArrayList<>();
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            out.add(i);
        }
        return out;
    }

    static byte[] cut(byte[] in, int from, int to) {
        byte[] out = new byte[in.length - (to - from)];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(in, to, out, from, in.length - to);
        return out;
    }

    static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    static byte[] put(byte[] in, int at, long value, int width) {
        byte[] out = Arrays.copyOf(in, in.length);
        for (int i = 0; i < width && at + i < out.length; i++) {
            out[at + i] = (byte) (value >>> (8 * i)); // zip fields are little-endian
        }
        return out;
    }

    static byte[] putBigEndian(byte[] in, int at, int value, int width) {
        byte[] out = Arrays.copyOf(in, in.length);
        for (int i = 0; i < width && at + i < out.length; i++) {
            out[at + i] = (byte) (value >>> (8 * (width - 1 - i))); // class files are big-endian
        }
        return out;
    }
}
