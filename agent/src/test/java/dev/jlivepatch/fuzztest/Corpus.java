package dev.jlivepatch.fuzztest;

import dev.jlivepatch.fuzztest.Mutants.Mutant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored corpus ({@code src/test/resources/fuzz-corpus}): jars chosen by
 * hand for what each exercises, and the smallest jar of each outcome kind a
 * run of {@link Mutants} produced. {@code expected.txt} holds each
 * jar's outcome (read as {@code fz.jar}), up to the JDK's own wording.
 */
public final class Corpus {
    /** Where the corpus is in the source tree, relative to the agent module. */
    public static final Path SOURCE = Path.of("src/test/resources/fuzz-corpus");
    /** A corpus jar is kept small: the larger cases are made at run time (see JarLimitsTest). */
    public static final int MAX_FILE = 64 << 10;

    private Corpus() {
    }

    /** The cases chosen by hand, by file name. */
    public static Map<String, Mutant> chosen() {
        Map<String, Mutant> out = new LinkedHashMap<>();
        List<Seeds.Seed> seeds = Seeds.all();
        Seeds.Seed plain = seeds.get(0);
        Seeds.Seed stored = seeds.get(1);
        Seeds.Seed full = seeds.get(2);
        for (Seeds.Seed s : seeds) {
            out.put("seed-" + s.name(), new Mutant("the seed", s.jar(), s));
        }
        out.put("empty-file", new Mutant("no bytes at all", new byte[0], plain));
        out.put("truncated-half", new Mutant("truncated at half", java.util.Arrays.copyOf(plain.jar(),
                plain.jar().length / 2), plain));
        out.put("truncated-end-record", new Mutant("the last byte cut", java.util.Arrays.copyOf(plain.jar(),
                plain.jar().length - 1), plain));
        out.put("cen-size-lies", field(stored, "PK\u0001\u0002", 24, 10, 4, "central directory: class inflated size 10"));
        out.put("cen-csize-huge", field(plain, "PK\u0001\u0002", 20, 0x7FFF_FFFFL, 4, "central directory: compressed"
                + " size 2^31-1"));
        out.put("loc-method-99", field(plain, "PK\u0003\u0004", 8, 99, 2, "local header: compression method 99"));
        out.put("end-count-lies", field(plain, "PK\u0005\u0006", 10, 0xFFFF, 2, "end record: 65535 entries"));
        out.put("manifest-no-id", manifest(plain, "Livepatch-Description: x\n"));
        out.put("manifest-id-spaces", manifest(plain, "Livepatch-Id: bad id\n"));
        out.put("manifest-id-twice", manifest(plain, "Livepatch-Id: fz\nLivepatch-Id: other\n"));
        out.put("manifest-states-garbage", manifest(plain, "Livepatch-Id: fz\nLivepatch-States: 1:2:3\n"));
        out.put("manifest-states-twice", manifest(plain, "Livepatch-Id: fz\nLivepatch-States: 1:1, 1:2\n"));
        out.put("manifest-replace-yes", manifest(plain, "Livepatch-Id: fz\nLivepatch-Replace: yes\n"));
        out.put("manifest-huge", manifest(plain, "Livepatch-Id: fz\nX-Pad: " + "p".repeat(1_100_000) + "\n"));
        out.put("manifest-missing", rezip(plain, "no manifest", s -> classEntries(s)));
        out.put("manifest-two-cases", extra(plain, "meta-inf/manifest.mf", Seeds.manifest("Livepatch-Id: other\n")));
        for (String[] n : new String[][] {{"name-dotdot", "../../evil.class"}, {"name-absolute", "/abs.class"},
            {"name-backslash", "a\\b.class"}, {"name-drive", "C:/x.class"}, {"name-newline", "fuzz/x\ny.class"},
            {"name-inner-dotdot", "fuzz/seed/../../../x.class"}}) {
            out.put(n[0], extra(plain, n[1], plain.classes().get(Seeds.FIX)));
        }
        out.put("entry-twice", extra(plain, Seeds.FIX + ".class", Seeds.helper()));
        out.put("bundles-api", extra(plain, "dev/jlivepatch/api/Patch.class", new byte[] {1, 2, 3}));
        out.put("java-lang-class", extra(plain, "java/lang/EvilFixx.class", renamed(plain, "java/lang/EvilFixx")));
        out.put("fake-signature", rezip(plain, "META-INF/FZ.SF and FZ.RSA of garbage", s -> {
            List<Seeds.Entry> e = classEntries(s);
            e.add(0, new Seeds.Entry("META-INF/MANIFEST.MF", Seeds.manifest(s.manifest()), false));
            e.add(new Seeds.Entry("META-INF/FZ.SF", "Signature-Version: 1.0\nSHA-256-Digest-Manifest: AAAA\n\n"
                    .getBytes(StandardCharsets.UTF_8), false));
            e.add(new Seeds.Entry("META-INF/FZ.RSA", new byte[] {0x30, (byte) 0x82, 0x7f, 0x7f, 1, 2, 3}, false));
            return e;
        }));
        byte[] fix = plain.classes().get(Seeds.FIX);
        out.put("class-bad-magic", Mutants.withClass(plain, Seeds.FIX, Bytes.put(fix, 3, 0xBF, 1), "bad magic"));
        out.put("class-version-70", Mutants.withClass(plain, Seeds.FIX, Bytes.putBigEndian(fix, 6, 70, 2), "version 70"));
        out.put("class-version-50", Mutants.withClass(plain, Seeds.FIX, Bytes.putBigEndian(fix, 6, 50, 2), "version 50"));
        out.put("class-minor-1", Mutants.withClass(plain, Seeds.FIX, Bytes.putBigEndian(fix, 4, 1, 2), "version 61.1"));
        out.put("class-truncated", Mutants.withClass(plain, Seeds.FIX, java.util.Arrays.copyOf(fix, fix.length / 2),
                "truncated at half"));
        out.put("class-misnamed", Mutants.withClass(plain, Seeds.FIX, renamed(plain, "fuzz/seed/GreetFiy"),
                "declares fuzz/seed/GreetFiy"));
        byte[] badDesc = full.classes().get(Seeds.FIX).clone();
        Bytes.replaceAll(badDesc, "Ldev/jlivepatch/api/PostPatch;".getBytes(StandardCharsets.UTF_8),
                "Xdev/jlivepatch/api/PostPatch;".getBytes(StandardCharsets.UTF_8));
        out.put("class-bad-annotation-descriptor", Mutants.withClass(full, Seeds.FIX, badDesc,
                "annotation descriptor Xdev/jlivepatch/api/PostPatch;"));
        out.put("class-deep-annotation", extra(stored, "fuzz/seed/Hostile.class",
                Hostile.deepAnnotation("fuzz/seed/Hostile", 1000)));
        out.put("bomb-entry", extra(plain, "fuzz/seed/bomb.bin", Hostile.zeros(9 << 20)));
        out.put("bomb-ratio", extra(plain, "fuzz/seed/bomb.bin", Hostile.zeros(2 << 20)));
        out.put("helper-many-methods", extra(plain, "fuzz/seed/Hostile.class",
                Hostile.manyMethods("fuzz/seed/Hostile", 3000)));
        return out;
    }

    /** The smallest mutant of each outcome kind among {@code count} drawn from {@link Mutants#any()}, by kind. */
    public static Map<String, Mutant> sampled(int count, Function<Mutant, Outcome> read) {
        Map<String, Mutant> best = new LinkedHashMap<>();
        for (Mutant m : (Iterable<Mutant>) Mutants.any().sampleStream().limit(count)::iterator) {
            if (m.jar().length > MAX_FILE) {
                continue;
            }
            String kind = read.apply(m).kind();
            Mutant had = best.get(kind);
            if (had == null || m.jar().length < had.jar().length) {
                best.put(kind, m);
            }
        }
        return best;
    }

    /** Every corpus jar in a directory, by file name, sorted. */
    public static List<Path> jars(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".jar")).sorted().collect(java.util.stream.Collectors.toList());
        }
    }

    private static Mutant field(Seeds.Seed s, String signature, int offset, long value, int width, String how) {
        List<Integer> at = Bytes.indexesOf(s.jar(), signature.getBytes(StandardCharsets.ISO_8859_1));
        return new Mutant(how, Bytes.put(s.jar(), at.get(at.size() - 1) + offset, value, width), s);
    }

    private static Mutant manifest(Seeds.Seed s, String lines) {
        return new Mutant("manifest " + (lines.length() > 60 ? lines.substring(0, 40) + "..." : lines.trim()),
                Structure.rezip(s, Seeds.manifest(lines), s.classes(), List.of()), s);
    }

    private static Mutant extra(Seeds.Seed s, String name, byte[] bytes) {
        return new Mutant("entry '" + name.replace("\n", "\\n") + "' added",
                Structure.rezip(s, null, s.classes(), List.of(new Seeds.Entry(name, bytes, s.stored()))), s);
    }

    private static Mutant rezip(Seeds.Seed s, String how, Function<Seeds.Seed, List<Seeds.Entry>> entries) {
        return new Mutant(how, Seeds.jar(entries.apply(s)), s);
    }

    private static List<Seeds.Entry> classEntries(Seeds.Seed s) {
        List<Seeds.Entry> out = new ArrayList<>();
        s.classes().forEach((n, b) -> out.add(new Seeds.Entry(n + ".class", b, s.stored())));
        return out;
    }

    /** The seed's fix class renamed (same length as {@code fuzz/seed/GreetFix}, or padded by the caller). */
    private static byte[] renamed(Seeds.Seed s, String to) {
        byte[] out = s.classes().get(Seeds.FIX).clone();
        byte[] from = Seeds.FIX.getBytes(StandardCharsets.UTF_8);
        byte[] toBytes = java.util.Arrays.copyOf(to.getBytes(StandardCharsets.UTF_8), from.length);
        for (int i = to.length(); i < from.length; i++) {
            toBytes[i] = 'x';
        }
        Bytes.replaceAll(out, from, toBytes);
        return out;
    }
}
