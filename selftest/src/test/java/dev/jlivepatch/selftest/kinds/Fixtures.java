package dev.jlivepatch.selftest.kinds;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Jars for the method-kind selftests. Like {@link dev.jlivepatch.selftest.harness.Jars}, but a
 * fixture app gets only {@code apps.Ctl} and its own package, some classes can be left out of a
 * jar (a patch class that lives in its target's package), and a class file can be given an older
 * major version.
 */
final class Fixtures {
    static final String APPS = "dev.jlivepatch.selftest.apps.kinds.";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.kinds.";
    private static final Path CLASSES = Path.of(System.getProperty("jlivepatch.testClasses", "target/test-classes"));

    private Fixtures() {
    }

    /** An app jar: {@code apps.Ctl}, {@code apps.Steps} and everything under {@code apps.kinds.<pkg>} except the named classes. */
    static Path app(Path out, String pkg, Set<String> leaveOut, Map<String, Integer> versions) throws IOException {
        List<String> classes = new ArrayList<>();
        classes.add("dev/jlivepatch/selftest/apps/Ctl.class");
        classes.add("dev/jlivepatch/selftest/apps/Steps.class");
        classes.add("dev/jlivepatch/selftest/apps/Steps$Step.class");
        for (String c : classesUnder(APPS + pkg)) {
            if (!leaveOut.contains(binaryName(c))) {
                classes.add(c);
            }
        }
        return write(out, new Manifest(), classes, versions);
    }

    /** A patch jar with id {@code id}: every class under the given packages, plus the named classes. */
    static Path patch(Path out, String id, List<String> packages, Set<String> extraClasses) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Livepatch-Id", id);
        List<String> classes = new ArrayList<>();
        for (String p : packages) {
            classes.addAll(classesUnder(p));
        }
        for (String c : extraClasses) {
            classes.add(c.replace('.', '/') + ".class");
        }
        return write(out, mf, classes, Map.of());
    }

    static Path patch(Path out, String id, String... packages) throws IOException {
        return patch(out, id, List.of(packages), Set.of());
    }

    private static List<String> classesUnder(String pkg) throws IOException {
        Path dir = CLASSES.resolve(pkg.replace('.', '/'));
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".class")).sorted()
                    .map(p -> CLASSES.relativize(p).toString().replace('\\', '/')).collect(Collectors.toList());
        }
    }

    private static String binaryName(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private static Path write(Path out, Manifest mf, List<String> classes, Map<String, Integer> versions)
            throws IOException {
        mf.getMainAttributes().putIfAbsent(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(file, mf)) {
            for (String c : classes) {
                byte[] bytes = Files.readAllBytes(CLASSES.resolve(c));
                Integer major = versions.get(binaryName(c));
                if (major != null) {
                    bytes = withMajorVersion(bytes, major);
                }
                jar.putNextEntry(new JarEntry(c));
                jar.write(bytes);
                jar.closeEntry();
            }
        }
        return out;
    }

    /**
     * The class file with another major version. Only for fixtures written to be valid at that
     * version: no invokedynamic (string concatenation, lambdas), no interface statics, no private
     * calls through nestmates. A StackMapTable left in a version 49 class is an unknown attribute
     * there, which the JVM ignores, as it ignores NestHost/NestMembers before version 55.
     */
    static byte[] withMajorVersion(byte[] classFile, int major) {
        if ((classFile[0] & 0xff) != 0xca || (classFile[1] & 0xff) != 0xfe) {
            throw new IllegalArgumentException("not a class file");
        }
        byte[] copy = classFile.clone();
        copy[6] = (byte) (major >> 8);
        copy[7] = (byte) major;
        return copy;
    }
}
