package dev.jlivepatch.selftest.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz corpus (issue 13, A5; agent/src/test/resources/fuzz-corpus) loaded
 * into a real JVM through the agent's MBean while a thread calls the target
 * without pause: every jar is refused with a one-line reason or applied (the
 * target answers as the patch says, and is back to its original once the patch
 * is disabled and removed); no jar leaves a patch or a changed target behind,
 * no caller ever sees an answer other than the original's or a patch's, no
 * exception escapes, and the JVM lives on to exit normally.
 */
class FuzzCorpusLoadTest {
    static final Path CORPUS = Path.of(System.getProperty("jlivepatch.fuzzCorpus",
            "../agent/src/test/resources/fuzz-corpus")).toAbsolutePath();
    private static final Set<String> PATCHED = Set.of("fuzz bob", "fuzz hello bob");

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void everyCorpusJarIsRefusedOrAppliedAndTheJvmLivesOn(Jdk jdk) throws Exception {
        Path dir = Run.workDir("proof-fuzz-" + jdk);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        List<Path> jars;
        try (Stream<Path> list = Files.list(CORPUS)) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        assertTrue(jars.size() >= 40, () -> "the corpus is missing or small: " + CORPUS);
        for (Path j : jars) {
            Files.copy(j, corpus.resolve(j.getFileName()));
        }
        Path app = Jars.app(dir.resolve("app.jar"), "dev.jlivepatch.fuzztest.app", "dev.jlivepatch.selftest.apps");
        Run r = Run.java(jdk, "", app.toString(), "dev.jlivepatch.selftest.apps.proof.FuzzMain", corpus.toString())
                .exitsWith(0);
        List<String> out = r.out();
        int refused = 0;
        int applied = 0;
        for (int i = 0; i < out.size(); i++) {
            String line = out.get(i);
            if (!line.startsWith("load ")) {
                continue;
            }
            String name = line.substring(5);
            String next = i + 1 < out.size() ? out.get(i + 1) : "";
            if (next.startsWith("refused: ")) {
                refused++;
                assertTrue(next.length() > "refused: ".length(), name);
            } else {
                applied++;
                assertTrue(next.startsWith("applied, answers ") && next.endsWith(", enabled=true transition=none"),
                        () -> name + ": " + next);
                String answer = next.substring("applied, answers ".length(), next.lastIndexOf(", enabled="));
                assertTrue(PATCHED.contains(answer) || answer.equals("hello bob") && name.contains("deferred"),
                        () -> name + " applied, and answers " + answer);
            }
        }
        assertEquals(jars.size(), refused + applied, r::toString);
        assertTrue(out.stream().noneMatch(l -> l.startsWith("left ")), r::toString);
        assertEquals("alive: calls made, 0 wrong answers", out.get(out.size() - 1), r::toString);
        assertTrue(r.lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Exception in thread")),
                () -> "a stack trace:\n" + r);
        System.out.println(jdk + " fuzz corpus: " + jars.size() + " jars, " + refused + " refused, " + applied
                + " applied");
    }
}
