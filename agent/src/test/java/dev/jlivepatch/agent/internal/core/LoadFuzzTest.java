package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.fuzztest.Mutants;
import dev.jlivepatch.fuzztest.Mutants.Mutant;
import dev.jlivepatch.fuzztest.Outcome;
import dev.jlivepatch.fuzztest.app.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated patch jars loaded the whole way, as {@code load} loads them (issue 13,
 * A5): through {@link JarIntake} (the file rules, the private copy) into a core
 * on a {@link FakeEnvironment} with {@link Target} loaded. Each jar is either
 * refused with a one-line reason, leaving the core and the target as they were
 * (no patch registered, the original body runs), or applied: registered,
 * enabled, its target patched and answering as the patch says (the seed's answer
 * when the mutation left the classes alone), and disabled and removed again
 * without a trace. No private copy is left behind either way.
 */
class LoadFuzzTest {
    private static Path dir;
    private static TestCore core;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("jlivepatch-loadfuzz-");
        core = new TestCore(dir);
        core.env.load(Target.class);
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
    void everyJarIsAppliedWhollyOrRefusedWithoutATrace(@ForAll("mutants") Mutant m) throws Exception {
        Path jar = dir.resolve("fz.jar");
        Files.write(jar, m.jar());
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-------"));
        List<String> copiesBefore = copies();
        String[] applied = new String[1];
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> load(jar, m, applied),
                m::toString);
        Statistics.label("outcome").collect(outcome.kind());
        if (applied[0] != null) {
            Statistics.label("applied").collect(applied[0]);
        }
        if (!outcome.accepted()) {
            String r = outcome.reason();
            assertTrue(!r.isBlank() && r.lines().count() == 1 && r.chars().noneMatch(Character::isISOControl),
                    () -> "not one line: " + r + " for " + m);
        }
        assertEquals(List.of(), core.describe(), () -> "left behind by " + m);
        assertEquals("original", Applied.answer(core), m::toString);
        assertEquals(List.of(), leftSince(copiesBefore), () -> "a private copy left behind by " + m);
    }

    /** Loads the jar; when it is accepted, checks it is in force, then disables and removes it. */
    private static Outcome load(Path jar, Mutant m, String[] applied) throws Exception {
        LoadedPatch p;
        try {
            p = core.lp.load(jar, false);
        } catch (PatchException e) {
            return Outcome.refused(e.getMessage());
        }
        try {
            applied[0] = Applied.check(core, p, m.seed());
        } finally {
            core.lp.disable(p.id());
            core.lp.remove(p.id());
        }
        return Outcome.ok();
    }

    /**
     * The load copies made since {@code before} and still there: other JVMs on the machine (other builds)
     * make and delete theirs meanwhile, so a new one counts only if it is still there a moment later.
     */
    private static List<String> leftSince(List<String> before) throws Exception {
        List<String> left = copies();
        left.removeAll(before);
        if (!left.isEmpty()) {
            Thread.sleep(500);
            left.retainAll(copies());
        }
        return left;
    }

    /** The load copies in java.io.tmpdir ({@code jlivepatch-load-*}). */
    private static List<String> copies() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("jlivepatch-load-")).sorted()
                    .collect(Collectors.toList());
        }
    }
}
