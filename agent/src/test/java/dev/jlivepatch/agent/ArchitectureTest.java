package dev.jlivepatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape the code keeps: small files, and packages that depend on each
 * other without a cycle (the entry points on the internals, the internals
 * never on the entry points, core never on the ways in).
 */
class ArchitectureTest {
    private static final int MAX_LINES = 350;
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("runtime/src/main/java"),
            Path.of("../patch-api/src/main/java"));
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.jlivepatch(?:\\.[a-z]\\w*)+)\\.[A-Z]");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noMainSourceFileIsLong() throws IOException {
        List<String> longOnes = new ArrayList<>();
        for (Path f : files()) {
            long lines = Files.readAllLines(f).size();
            if (lines > MAX_LINES) {
                longOnes.add(f + ": " + lines);
            }
        }
        assertEquals(List.of(), longOnes, "files over " + MAX_LINES + " lines");
    }

    @Test
    void packagesHaveNoCycle() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertTrue(graph.containsKey("dev.jlivepatch.agent.internal.core"), graph::toString);
        assertTrue(graph.get("dev.jlivepatch.agent.internal.core").contains("dev.jlivepatch.agent.internal.transition"),
                "the scan sees the core's use of the transition package: " + graph);
        List<String> cycle = cycle(graph);
        assertEquals(List.of(), cycle, "a package cycle; the whole graph: " + graph);
    }

    /** Package to the other packages of the project its code names (imports and qualified names, not comments). */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path f : files()) {
            String text = Files.readString(f);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            Set<String> deps = graph.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
            Matcher ref = REFERENCE.matcher(COMMENTS.matcher(text).replaceAll(""));
            while (ref.find()) {
                if (!ref.group(1).equals(pkg.group(1))) {
                    deps.add(ref.group(1));
                }
            }
        }
        return graph;
    }

    /** A cycle, as the packages on it, or empty. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String p, Map<String, Set<String>> graph, Map<String, Integer> state,
                                      List<String> path) {
        Integer s = state.get(p);
        if (s != null) {
            return s == 1 ? new ArrayList<>(path.subList(path.indexOf(p), path.size())) : List.of();
        }
        state.put(p, 1);
        path.add(p);
        for (String q : graph.getOrDefault(p, Set.of())) {
            List<String> found = visit(q, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return List.of();
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : SOURCES) {
            assertTrue(Files.isDirectory(root), () -> root.toAbsolutePath() + " is not there");
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void theCycleFinderFindsACycle() {
        assertEquals(List.of("a", "b"), cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("a")))));
        assertEquals(List.of(), cycle(Map.of("a", Set.of("b"), "b", Set.of())));
    }
}
