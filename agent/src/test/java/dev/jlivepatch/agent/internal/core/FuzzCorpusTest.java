package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.fuzztest.Corpus;
import dev.jlivepatch.fuzztest.Mutants.Mutant;
import dev.jlivepatch.fuzztest.Outcome;
import dev.jlivepatch.fuzztest.app.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz corpus ({@code src/test/resources/fuzz-corpus}, see its README),
 * replayed: every jar loaded the whole way into a core on a fake JVM with
 * {@link Target} loaded has the outcome {@code expected.txt} records for it, up
 * to the JDK's own wording, and leaves nothing behind. With
 * {@code -Djlivepatch.fuzz.writeCorpus=true} it first writes the corpus again:
 * the jars chosen by hand ({@link Corpus#chosen()}) and the smallest jar of each
 * outcome kind among 20,000 mutants.
 */
class FuzzCorpusTest {
    private static final String GREET = "greet(Ljava/lang/String;)Ljava/lang/String;";

    @TempDir
    Path dir;

    @Test
    void everyCorpusJarHasItsRecordedOutcome() throws Exception {
        Path corpus = Corpus.SOURCE; // the source tree's, not a copy a later write may have left stale
        Map<String, String> expected = expected(corpus.resolve("expected.txt"));
        TestCore core = core();
        List<String> names = new ArrayList<>();
        for (Path jar : Corpus.jars(corpus)) {
            String name = jar.getFileName().toString();
            names.add(name);
            assertTrue(expected.containsKey(name), () -> name + " has no line in expected.txt");
            Outcome o = load(core, Files.readAllBytes(jar));
            String got = o.stable();
            assertEquals(expected.get(name), got, () -> name + " (in full: " + (o.accepted() ? got : o.reason()) + ")");
        }
        assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(names),
                "the jars expected.txt lists");
    }

    @Test
    @EnabledIfSystemProperty(named = "jlivepatch.fuzz.writeCorpus", matches = "true")
    void writeTheCorpus() throws Exception {
        TestCore core = core();
        Map<String, Mutant> all = new java.util.TreeMap<>();
        Corpus.chosen().forEach((n, m) -> all.put("c-" + n, m));
        Corpus.sampled(20_000, m -> load(core, m.jar())).forEach((kind, m) -> all.put("s-" + slug(kind), m));
        Files.createDirectories(Corpus.SOURCE);
        for (Path old : Corpus.jars(Corpus.SOURCE)) {
            Files.delete(old);
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Mutant> e : all.entrySet()) {
            String file = e.getKey() + ".jar";
            Files.write(Corpus.SOURCE.resolve(file), e.getValue().jar());
            lines.append(file).append(" | ").append(load(core, e.getValue().jar()).stable()).append(" | ")
                    .append(e.getValue().toString().replace("\n", "\\n")).append('\n');
        }
        Files.writeString(Corpus.SOURCE.resolve("expected.txt"), lines.toString());
    }

    private TestCore core() {
        TestCore core = new TestCore(dir);
        core.env.load(Target.class);
        return core;
    }

    /** Loads the jar as {@code fz.jar}; checks the core is as before afterwards (an applied jar is undone). */
    private Outcome load(TestCore core, byte[] bytes) {
        try {
            Path jar = dir.resolve("fz.jar");
            Files.write(jar, bytes);
            Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-------"));
            Outcome o;
            try {
                LoadedPatch p = core.lp.load(jar, false);
                try {
                    Applied.check(core, p, null);
                } finally {
                    core.lp.disable(p.id());
                    core.lp.remove(p.id());
                }
                o = Outcome.ok();
            } catch (PatchException e) {
                o = Outcome.refused(e.getMessage());
            }
            assertEquals(List.of(), core.describe());
            assertEquals("original", core.call(Target.class, GREET, "bob"));
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** expected.txt: {@code FILE | OUTCOME | how it was made}, one jar a line. */
    private static Map<String, String> expected(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" \\| ", 3);
            out.put(parts[0], parts[1]);
        }
        return out;
    }

    private static String slug(String kind) {
        String s = kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.length() > 48 ? s.substring(0, 48) : s;
    }
}
