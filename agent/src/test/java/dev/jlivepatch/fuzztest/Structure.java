package dev.jlivepatch.fuzztest;

import dev.jlivepatch.fuzztest.Mutants.Mutant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Mutations of a seed's structure: its manifest, its entries and their names, hostile entries. */
final class Structure {
    private static final String MF = "META-INF/MANIFEST.MF";

    private Structure() {
    }

    /** The seed's jar made again: another manifest (null: the seed's), these classes, and extra entries. */
    static byte[] rezip(Seeds.Seed s, byte[] manifest, Map<String, byte[]> classes, List<Seeds.Entry> extra) {
        List<Seeds.Entry> entries = new ArrayList<>();
        entries.add(new Seeds.Entry(MF, manifest == null ? Seeds.manifest(s.manifest()) : manifest, s.stored()));
        classes.forEach((n, b) -> entries.add(new Seeds.Entry(n + ".class", b, s.stored())));
        entries.addAll(extra);
        return Seeds.jar(entries);
    }

    /** The manifest's attributes changed, broken, missing, or huge. */
    static Arbitrary<Mutant> manifests() {
        Arbitrary<String> attribute = Arbitraries.of("Livepatch-Id", "Livepatch-Replace", "Livepatch-States",
                "Livepatch-Deferred-Targets", "Livepatch-Description", "Manifest-Version", "Name");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("", " ", "fz", "bad id", "x".repeat(129), "f\u00fc", "a/b", "../fz", "TRUE", "yes",
                        "true ", "1", "1:2:3", "1:1, 1:2", "-1:0", "99999999999999999999:1", "1:99999999999", ",,,",
                        "*", "java.lang.String", "1:1,".repeat(5000) + "2:2"),
                Arbitraries.strings().ofMaxLength(80));
        Arbitrary<Mutant> setOne = Combinators.combine(Mutants.seeds(), attribute, value).as((s, a, v) ->
                withManifest(s, Seeds.manifest("Livepatch-Id: fz\n" + a + ": " + v + "\n"), a + ": "
                        + shortened(v)));
        Arbitrary<Mutant> raw = Combinators.combine(Mutants.seeds(), Arbitraries.oneOf(
                Arbitraries.of("", "\n", "Livepatch-Id fz\n", "Manifest-Version: 1.0\nLivepatch-Id: fz",
                        "Manifest-Version: 1.0\n Livepatch-Id: fz\n\n", "Manifest-Version: 1.0\nLivepatch-Id: f\n z\n\n",
                        "Manifest-Version: 1.0\nLivepatch-Id: fz\nX: " + "y".repeat(70_000) + "\n\n",
                        "\u00ef\u00bb\u00bfManifest-Version: 1.0\nLivepatch-Id: fz\n\n"),
                Arbitraries.strings().ofMaxLength(200)))
                .as((s, text) -> withManifest(s, text.getBytes(StandardCharsets.ISO_8859_1),
                        "manifest text '" + shortened(text) + "'"));
        Arbitrary<Mutant> binary = Combinators.combine(Mutants.seeds(),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
                .as((s, b) -> withManifest(s, b, "manifest of " + b.length + " random bytes"));
        Arbitrary<Mutant> none = Mutants.seeds().map(s -> new Mutant("no manifest",
                Seeds.jar(classEntries(s)), s));
        Arbitrary<Mutant> huge = Mutants.seeds().map(s -> withManifest(s, Seeds.manifest("Livepatch-Id: fz\nX-Pad: "
                + "p".repeat(1_100_000) + "\n"), "manifest of 1.1 MB"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, setOne), net.jqwik.api.Tuple.of(4, raw),
                net.jqwik.api.Tuple.of(2, binary), net.jqwik.api.Tuple.of(1, none), net.jqwik.api.Tuple.of(1, huge));
    }

    /** Entries added (hostile names, duplicates, what a patch jar must not bundle) or removed. */
    static Arbitrary<Mutant> entries() {
        Arbitrary<String> names = Arbitraries.of("../../evil.class", "../evil.txt", "/abs.class", "a\\b.class",
                "C:/x.class", "fuzz/seed/../../x.class", "fuzz/x\ny.class", "fuzz/seed/GreetFix.class",
                "META-INF/MANIFEST.MF", "META-INF/../fuzz/x.class", "fuzz/seed/GreetFix.class/", "module-info.class",
                "META-INF/versions/9/fuzz/seed/GreetFix.class", "dev/jlivepatch/api/Patch.class",
                "dev/jlivepatch/runtime/Dispatch.class", "java/lang/Evil.class", "fuzz/seed/Other.class",
                "fuzz/seed/GreetFiy.class", "META-INF/FZ.SF", "META-INF/FZ.RSA", "fuzz/seed/Empty.class", "x".repeat(300),
                "fuzz/\u00e9t\u00e9.class");
        Arbitrary<Mutant> added = Combinators.combine(Mutants.seeds(), names, Arbitraries.of("fix", "empty", "text",
                "renamed", "random")).as((s, name, content) -> {
                    byte[] fix = s.classes().get(Seeds.FIX);
                    byte[] bytes = switch (content) {
                        case "fix" -> fix;
                        case "empty" -> new byte[0];
                        case "text" -> "Signature-Version: 1.0\nSHA-256-Digest-Manifest: AAAA\n\n"
                                .getBytes(StandardCharsets.UTF_8);
                        case "renamed" -> renamed(fix, name);
                        default -> new java.util.Random(name.hashCode()).ints(64).collect(
                                java.io.ByteArrayOutputStream::new, (o, i) -> o.write(i), (a, b) -> { })
                                .toByteArray();
                    };
                    List<Seeds.Entry> extra = List.of(new Seeds.Entry(name, bytes, s.stored()));
                    return new Mutant("entry '" + name.replace("\n", "\\n") + "' added (" + content + ")",
                            rezip(s, null, s.classes(), extra), s);
                });
        Arbitrary<Mutant> noClasses = Mutants.seeds().map(s -> new Mutant("no class entries",
                rezip(s, null, Map.of(), List.of()), s));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, added), net.jqwik.api.Tuple.of(1, noClasses));
    }

    /** Bombs and class files built to strain a parser, as an extra entry of a seed. */
    static Arbitrary<Mutant> hostile() {
        Arbitrary<String> kind = Arbitraries.of("deep-1000", "deep-60000", "pool", "methods", "bomb-entry",
                "bomb-ratio", "bomb-manifest");
        return Combinators.combine(Mutants.seeds(), kind).as((s, k) -> {
            String name = "fuzz/seed/Hostile";
            byte[] manifest = null;
            Seeds.Entry extra = switch (k) {
                case "deep-1000" -> new Seeds.Entry(name + ".class", Hostile.deepAnnotation(name, 1000), true);
                case "deep-60000" -> new Seeds.Entry(name + ".class", Hostile.deepAnnotation(name, 60_000), true);
                case "pool" -> new Seeds.Entry(name + ".class", Hostile.bigConstantPool(name, 60_000, 20), true);
                case "methods" -> new Seeds.Entry(name + ".class", Hostile.manyMethods(name, 20_000), true);
                case "bomb-entry" -> new Seeds.Entry("fuzz/seed/bomb.bin", Hostile.zeros(9 << 20), false);
                case "bomb-ratio" -> new Seeds.Entry("fuzz/seed/bomb.bin", Hostile.zeros(2 << 20), false);
                default -> null;
            };
            if (extra == null) {
                byte[] pad = new byte[2 << 20];
                java.util.Arrays.fill(pad, (byte) 'a');
                manifest = (new String(Seeds.manifest("Livepatch-Id: fz\nX-Pad: "), StandardCharsets.ISO_8859_1)
                        .trim() + new String(pad, StandardCharsets.ISO_8859_1) + "\n\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            return new Mutant("hostile " + k, rezip(s, manifest, s.classes(), extra == null ? List.of() : List.of(extra)),
                    s);
        });
    }

    private static Mutant withManifest(Seeds.Seed s, byte[] manifest, String how) {
        return new Mutant(how, rezip(s, manifest, s.classes(), List.of()), s);
    }

    private static List<Seeds.Entry> classEntries(Seeds.Seed s) {
        List<Seeds.Entry> out = new ArrayList<>();
        s.classes().forEach((n, b) -> out.add(new Seeds.Entry(n + ".class", b, s.stored())));
        return out;
    }

    /** The fix's bytes with its class renamed to match an entry name of the same length, where it can be. */
    private static byte[] renamed(byte[] fix, String entry) {
        String to = entry.endsWith(".class") ? entry.substring(0, entry.length() - 6) : entry;
        byte[] from = Seeds.FIX.getBytes(StandardCharsets.UTF_8);
        byte[] toBytes = to.getBytes(StandardCharsets.UTF_8);
        if (toBytes.length != from.length) {
            return fix;
        }
        byte[] out = fix.clone();
        Bytes.replaceAll(out, from, toBytes);
        return out;
    }

    private static String shortened(String s) {
        String t = s.replace("\n", "\\n").replace("\r", "\\r");
        return t.length() > 40 ? t.substring(0, 40) + "...(" + s.length() + ")" : t;
    }
}
