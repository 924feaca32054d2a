package dev.jlivepatch.agent.internal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What does not change behaviour is not a change: the same source compiled
 * twice, laid out differently (line numbers), with other local variable
 * names, with or without debug information, with its methods in another
 * order (another constant pool), compares equal method by method.
 */
class NormalizerTest {
    private static final String ORIGINAL = """
            package p;
            import java.util.*;
            public class Shop {
                private final Map<String, Integer> stock = new HashMap<>();
                private static final String GREETING = "hello";
                public int count(String item) {
                    int found = stock.getOrDefault(item, 0);
                    return found > 10 ? 10 : found;
                }
                public String describe(List<String> items) {
                    StringBuilder b = new StringBuilder(GREETING);
                    for (String i : items) { b.append(i).append(':').append(count(i)); }
                    items.forEach(i -> b.append(i.length()));
                    Runnable r = () -> b.append("!");
                    r.run();
                    switch (items.size()) { case 0: return "none"; case 1: return "one " + b; default: return b.toString(); }
                }
            }
            """;
    /** The same code: methods swapped, other names for locals, other lines, comments. */
    private static final String REWRITTEN = """
            package p;
            import java.util.*;
            // a comment that moves every line
            public class Shop {
                private final Map<String, Integer> stock = new HashMap<>();
                private static final String GREETING = "hello";


                public String describe(List<String> list) {
                    StringBuilder sb = new StringBuilder(GREETING);
                    for (String each : list) {
                        sb.append(each).append(':').append(count(each));
                    }
                    list.forEach(x -> sb.append(x.length()));
                    Runnable go = () -> sb.append("!");
                    go.run();
                    switch (list.size()) {
                        case 0: return "none";
                        case 1: return "one " + sb;
                        default: return sb.toString();
                    }
                }

                public int count(String name) {
                    int n = stock.getOrDefault(name, 0);
                    return n > 10 ? 10 : n;
                }
            }
            """;

    @Test
    void sameSourceLaidOutDifferentlyIsUnchanged(@TempDir Path dir) throws Exception {
        Builds b = Builds.of(dir, Map.of("p.Shop", ORIGINAL), Map.of("p.Shop", REWRITTEN));
        assertEquals(Builder.Outcome.NOTHING, b.outcome(), b::report);
        assertTrue(b.result.summary().startsWith("nothing to patch: no method of "), b::report);
        assertEquals(3, b.entries(Report.Decision.UNCHANGED).size(), b::report); // <init>, describe, count
        assertEquals(b.result.report().entries().size(), b.entries(Report.Decision.UNCHANGED).size(), b::report);
    }

    @Test
    void debugInformationIsNotBehaviour(@TempDir Path dir) throws Exception {
        Path old = Compile.classes(dir.resolve("old"), Map.of("p.Shop", ORIGINAL), "-g");
        Path now = Compile.classes(dir.resolve("new"), Map.of("p.Shop", REWRITTEN), "-g:none");
        Builds b = Builds.of(dir, old, now);
        assertEquals(Builder.Outcome.NOTHING, b.outcome(), b::report);
    }

    @Test
    void aChangedConstantIsAChange(@TempDir Path dir) throws Exception {
        Builds b = Builds.of(dir, Map.of("p.Shop", ORIGINAL), Map.of("p.Shop", ORIGINAL.replace("found > 10 ? 10",
                "found > 12 ? 12")));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertEquals(java.util.List.of("p.Shop.count(java.lang.String): body changed"),
                b.entries(Report.Decision.REPLACE), b::report);
        assertTrue(b.report().contains("(at instruction 11 of 18: BIPUSH 10; IF_ICMPLE L0; BIPUSH 10 -> BIPUSH 12;"),
                b::report);
    }
}
