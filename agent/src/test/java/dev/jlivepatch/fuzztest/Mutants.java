package dev.jlivepatch.fuzztest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mutated patch jars, as jqwik arbitraries. Each starts from a {@link Seeds seed}
 * and is changed at one of three levels: the jar's bytes as a whole (truncated,
 * bytes flipped, set, cut out or inserted, zip header fields overwritten), one
 * class file of it, re-zipped (its bytes, version, magic, names), or its
 * structure, re-zipped (manifests, entry names, extra and hostile entries,
 * bombs).
 */
public final class Mutants {
    private static final long[] FIELD_VALUES = {0, 1, 0x7F, 0xFF, 0xFFFF, 0x7FFF_FFFFL, 0xFFFF_FFFFL, 0x8000_0000L};
    private static final byte[] LOC = {0x50, 0x4b, 0x03, 0x04};
    private static final byte[] CEN = {0x50, 0x4b, 0x01, 0x02};
    private static final byte[] END = {0x50, 0x4b, 0x05, 0x06};

    private Mutants() {
    }

    /** A mutated jar: how it was made, its bytes, and the seed it came from. */
    public record Mutant(String how, byte[] jar, Seeds.Seed seed) {
        @Override
        public String toString() {
            return seed.name() + ": " + how + " (" + jar.length + " bytes)";
        }
    }

    /** Every kind of mutation, the cheap ones most often. */
    @SuppressWarnings("unchecked")
    public static Arbitrary<Mutant> any() {
        return Arbitraries.frequencyOf(
                Tuple.of(35, bytes()),
                Tuple.of(15, zipFields()),
                Tuple.of(25, classes()),
                Tuple.of(12, Structure.manifests()),
                Tuple.of(10, Structure.entries()),
                Tuple.of(3, Structure.hostile()));
    }

    static Arbitrary<Seeds.Seed> seeds() {
        return Arbitraries.of(Seeds.all());
    }

    /** The whole jar's bytes: truncated, flipped, set, cut, inserted or repeated. */
    static Arbitrary<Mutant> bytes() {
        return seeds().flatMap(s -> {
            int n = s.jar().length;
            Arbitrary<Integer> at = Arbitraries.integers().between(0, n - 1);
            Arbitrary<Integer> len = Arbitraries.integers().between(1, 64);
            Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(32);
            return Arbitraries.oneOf(
                    at.map(i -> new Mutant("truncated at " + i, java.util.Arrays.copyOf(s.jar(), i), s)),
                    Combinators.combine(at, Arbitraries.integers().between(0, 7))
                            .as((i, bit) -> new Mutant("bit " + bit + " of byte " + i + " flipped",
                                    flip(s.jar(), i, bit), s)),
                    Combinators.combine(at, Arbitraries.of(0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE, 0x3F))
                            .as((i, v) -> new Mutant("byte " + i + " set to " + v, Bytes.put(s.jar(), i, v, 1), s)),
                    Combinators.combine(at, len).as((i, l) -> new Mutant("bytes " + i + ".." + Math.min(n, i + l)
                            + " cut", Bytes.cut(s.jar(), i, Math.min(n, i + l)), s)),
                    Combinators.combine(at, noise).as((i, b) -> new Mutant(b.length + " bytes inserted at " + i,
                            Bytes.insert(s.jar(), i, b), s)),
                    Combinators.combine(at, at, len).as((i, j, l) -> new Mutant("bytes " + i + "+" + l
                            + " copied over " + j, copy(s.jar(), i, j, l), s)));
        });
    }

    /** A field of a local header, a central directory entry or the end record set to an edge value. */
    static Arbitrary<Mutant> zipFields() {
        return seeds().flatMap(s -> {
            List<int[]> fields = fields(s.jar());
            return Combinators.combine(Arbitraries.of(fields), Arbitraries.of(
                    java.util.stream.LongStream.of(FIELD_VALUES).boxed().toArray(Long[]::new)),
                    Arbitraries.integers().between(-2, 2))
                    .as((f, v, delta) -> {
                        long value = delta == 0 ? v : read(s.jar(), f[0], f[1]) + delta;
                        return new Mutant("zip field at " + f[0] + " (" + f[1] + " bytes) set to " + value,
                                Bytes.put(s.jar(), f[0], value, f[1]), s);
                    });
        });
    }

    /** One class file of the seed changed, and the jar made again around it. */
    static Arbitrary<Mutant> classes() {
        return seeds().flatMap(s -> {
            List<String> names = new ArrayList<>(s.classes().keySet());
            return Arbitraries.of(names).flatMap(name -> {
                byte[] c = s.classes().get(name);
                Arbitrary<Integer> at = Arbitraries.integers().between(0, c.length - 1);
                return Arbitraries.oneOf(
                        at.map(i -> withClass(s, name, java.util.Arrays.copyOf(c, i), "class truncated at " + i)),
                        Combinators.combine(at, Arbitraries.integers().between(0, 7)).as((i, bit) ->
                                withClass(s, name, flip(c, i, bit), "class bit " + bit + " of byte " + i + " flipped")),
                        Combinators.combine(at, Arbitraries.of(0, 1, 0xFF, 0x7F, 0x80, 0x0A, 0x3B)).as((i, v) ->
                                withClass(s, name, Bytes.put(c, i, v, 1), "class byte " + i + " set to " + v)),
                        Combinators.combine(Arbitraries.of(0, 1, 0xFFFF), Arbitraries.of(44, 45, 50, 51, 52, 61, 65,
                                69, 70, 0xFFFF)).as((minor, major) -> withClass(s, name,
                                Bytes.putBigEndian(Bytes.putBigEndian(c, 4, minor, 2), 6, major, 2),
                                "class version " + major + "." + minor)),
                        Arbitraries.of("java/lang", "dev/jlivep", "fuzz/seeD", "fuzz\nseed").map(to -> {
                            byte[] renamed = c.clone();
                            byte[] from = "fuzz/seed".getBytes(StandardCharsets.UTF_8);
                            Bytes.replaceAll(renamed, from, java.util.Arrays.copyOf(to.getBytes(StandardCharsets.UTF_8),
                                    from.length));
                            return withClass(s, name, renamed, "package renamed to " + to.replace("\n", "\\n"));
                        }));
            });
        });
    }

    /** The seed's jar with one class file replaced, entries and manifest otherwise as they were. */
    static Mutant withClass(Seeds.Seed s, String name, byte[] bytes, String how) {
        Map<String, byte[]> classes = new java.util.LinkedHashMap<>(s.classes());
        classes.put(name, bytes);
        return new Mutant(how + " (" + name + ")", Structure.rezip(s, null, classes, List.of()), s);
    }

    private static byte[] flip(byte[] in, int at, int bit) {
        byte[] out = in.clone();
        out[at] ^= (byte) (1 << bit);
        return out;
    }

    private static byte[] copy(byte[] in, int from, int to, int len) {
        byte[] out = in.clone();
        int l = Math.min(len, Math.min(in.length - from, in.length - to));
        System.arraycopy(in, from, out, to, l);
        return out;
    }

    /** The offsets and widths of every field of every zip header in the jar. */
    static List<int[]> fields(byte[] jar) {
        List<int[]> out = new ArrayList<>();
        int[][] loc = {{4, 2}, {6, 2}, {8, 2}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}};
        int[][] cen = {{6, 2}, {8, 2}, {10, 2}, {16, 4}, {20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2}, {34, 2},
            {38, 4}, {42, 4}};
        int[][] end = {{4, 2}, {6, 2}, {8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}};
        for (int at : Bytes.indexesOf(jar, LOC)) {
            for (int[] f : loc) {
                out.add(new int[] {at + f[0], f[1]});
            }
        }
        for (int at : Bytes.indexesOf(jar, CEN)) {
            for (int[] f : cen) {
                out.add(new int[] {at + f[0], f[1]});
            }
        }
        for (int at : Bytes.indexesOf(jar, END)) {
            for (int[] f : end) {
                out.add(new int[] {at + f[0], f[1]});
            }
        }
        return out;
    }

    private static long read(byte[] in, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = v << 8 | (at + i < in.length ? in[at + i] & 0xff : 0);
        }
        return v;
    }

    /** Deletes a fuzz run's work directory and everything in it. */
    public static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
