package dev.jlivepatch.agent.internal.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles sources given as text into a class directory, as a build would: the builds the tests compare. */
public final class Compile {

    private Compile() {
    }

    /** Compiles {@code sources} (class name to source) for Java 17 into {@code dir}. */
    public static Path classes(Path dir, Map<String, String> sources, String... options) throws IOException {
        List<String> opts = new ArrayList<>(List.of("--release", "17", "-d", dir.toString()));
        opts.addAll(List.of(options));
        if (opts.indexOf("--release") != opts.lastIndexOf("--release")) {
            opts.subList(0, 2).clear(); // the caller's release wins
        }
        Files.createDirectories(dir);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, opts, null, units).call();
        assertTrue(ok, () -> "compilation failed:\n" + out);
        return dir;
    }
}
