package dev.jlivepatch.selftest.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles source trees during the test, as a project's build would: two
 * builds of the same code (before and after a fix) for {@code jlivepatch build}.
 */
public final class Javac {

    private Javac() {
    }

    /** A directory of the test resources ({@code /build/cases/old}, say). */
    public static Path resource(String path) {
        try {
            return Path.of(Javac.class.getResource(path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + path, e);
        }
    }

    /** Compiles every {@code .java} file under the source roots, for Java 17, into {@code out}. */
    public static Path compile(Path out, Path... roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                files.addAll(walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList()));
            }
        }
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            boolean ok = javac.getTask(log, fm, null, List.of("--release", "17", "-d", out.toString()), null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(ok, () -> "compilation failed:\n" + log);
        }
        return out;
    }
}
