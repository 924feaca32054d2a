package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.fuzztest.Mutants;
import dev.jlivepatch.fuzztest.Mutants.Mutant;
import dev.jlivepatch.fuzztest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing the patch-jar reader (issue 13, A5): thousands of mutated patch jars
 * ({@link Mutants}: truncations, flipped bytes, broken zip headers, wrong
 * manifests, hostile class files and entry names, zip bombs), each either read
 * or refused with a one-line reason, never anything else (an unchecked
 * exception, an error, a hang), and nothing written next to the jar. How many
 * tries: {@code jqwik.tries.default} (junit-platform.properties, for CI; more by
 * hand with {@code -Djqwik.tries.default=N}).
 */
class PatchJarFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("jlivepatch-fuzz-");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        Mutants.deleteTree(dir);
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Mutants.any();
    }

    @Property(shrinking = ShrinkingMode.BOUNDED)
    void everyJarIsReadOrRefusedWithOneLine(@ForAll("mutants") Mutant m) throws Exception {
        Path jar = dir.resolve("fz.jar");
        Files.write(jar, m.jar());
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> read(jar), m::toString);
        Statistics.label("outcome").collect(outcome.kind());
        if (!outcome.accepted()) {
            String r = outcome.reason();
            assertFalse(r.isBlank(), m::toString);
            assertTrue(r.lines().count() == 1 && r.chars().noneMatch(Character::isISOControl),
                    () -> "not one line: " + r + " for " + m);
        }
        assertEquals(List.of(jar), listing(), () -> "the reader wrote next to the jar: " + m);
    }

    /** The outcome; any throwable but a refusal fails the property. */
    static Outcome read(Path jar) {
        try {
            PatchJar pj = PatchJarReader.read(jar);
            assertFalse(pj.patchClasses().isEmpty());
            return Outcome.ok();
        } catch (PatchException e) {
            return Outcome.refused(e.getMessage());
        }
    }

    private static List<Path> listing() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        }
    }
}
