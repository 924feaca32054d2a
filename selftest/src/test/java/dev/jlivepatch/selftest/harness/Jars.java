package dev.jlivepatch.selftest.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Packs compiled test fixtures into jars: target applications and patch jars
 * are compiled with the tests, then split into separate jars so that the
 * application never sees the patch classes on its class path.
 */
public final class Jars {
    private static final Path CLASSES = Path.of(System.getProperty("jlivepatch.testClasses", "target/test-classes"));

    private Jars() {
    }

    /** A jar of every class under the given packages (dotted names). */
    public static Path app(Path out, String... packages) throws IOException {
        return write(out, new Manifest(), packages);
    }

    /** A patch jar: the manifest's {@code Livepatch-Id}, extra attributes, and the classes under the packages. */
    public static Path patch(Path out, String id, Map<String, String> attributes, String... packages) throws IOException {
        Manifest mf = new Manifest();
        if (id != null) {
            mf.getMainAttributes().putValue("Livepatch-Id", id);
        }
        attributes.forEach(mf.getMainAttributes()::putValue);
        return write(out, mf, packages);
    }

    /** A jar of every class file under a class directory (a build's output). */
    public static Path of(Path out, Path classes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(out.getParent());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file, mf)) {
            for (Path c : files) {
                jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(c));
                jar.closeEntry();
            }
        }
        return out;
    }

    private static Path write(Path out, Manifest mf, String... packages) throws IOException {
        mf.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file, mf)) {
            for (String pkg : packages) {
                Path dir = CLASSES.resolve(pkg.replace('.', '/'));
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(dir)) {
                    classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
                }
                for (Path c : classes) {
                    jar.putNextEntry(new JarEntry(CLASSES.relativize(c).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(c));
                    jar.closeEntry();
                }
            }
        }
        return out;
    }
}
