package dev.jlivepatch.agent.internal.build;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** Two builds compiled from sources, the builder run over them, and what it wrote. */
final class Builds {
    final Path dir;
    final Builder.Result result;
    final Path jar;

    private Builds(Path dir, Builder.Result result) {
        this.dir = dir;
        this.result = result;
        this.jar = dir.resolve("patch.jar");
    }

    static Builds of(Path dir, Map<String, String> old, Map<String, String> now, String... includes)
            throws IOException, BuildException {
        return of(dir, old, now, false, includes);
    }

    static Builds of(Path dir, Map<String, String> old, Map<String, String> now, boolean replace, String... includes)
            throws IOException, BuildException {
        Path o = Compile.classes(dir.resolve("old"), old);
        Path n = Compile.classes(dir.resolve("new"), now);
        return new Builds(dir, Builder.build(new BuildOptions(o, n, "test-patch", replace, List.of(includes),
                dir.resolve("patch.jar"), null)));
    }

    static Builds of(Path dir, Path old, Path now, String... includes) throws BuildException {
        return new Builds(dir, Builder.build(new BuildOptions(old, now, "test-patch", false, List.of(includes),
                dir.resolve("patch.jar"), null)));
    }

    Builder.Outcome outcome() {
        return result.outcome();
    }

    /** The report's lines, with every method. */
    String report() {
        return String.join("\n", result.report().lines(true)) + "\n" + result.summary();
    }

    /** The entries of one decision, as "where: what". */
    List<String> entries(Report.Decision d) {
        return result.report().of(d).stream().map(e -> e.where() + ": " + e.what()).collect(Collectors.toList());
    }

    /** A class of the written jar (internal name). */
    ClassNode jarClass(String internalName) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            var e = j.getEntry(internalName + ".class");
            assertNotNull(e, () -> internalName + " is not in the jar; " + report());
            try (InputStream in = j.getInputStream(e)) {
                ClassNode c = new ClassNode();
                new ClassReader(in.readAllBytes()).accept(c, 0);
                return c;
            }
        }
    }

    /** The entries of the written jar. */
    List<String> jarEntries() throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(e -> e.getName()).sorted().collect(Collectors.toList());
        }
    }

    static MethodNode method(ClassNode c, String name, String desc) {
        return c.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst()
                .orElseThrow(() -> new AssertionError(c.name + " has no " + name + desc + "; it has "
                        + c.methods.stream().map(m -> m.name + m.desc).collect(Collectors.toList())));
    }
}
