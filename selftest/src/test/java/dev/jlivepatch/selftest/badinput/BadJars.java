package dev.jlivepatch.selftest.badinput;

import dev.jlivepatch.selftest.harness.Jars;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Builds the bad-input fixtures: the target application jar, and patch jars
 * named after their case, each with the case as its {@code Livepatch-Id}.
 */
final class BadJars {
    static final String APP = "dev.jlivepatch.selftest.apps";
    static final String MAIN = "dev.jlivepatch.selftest.apps.badinput.Main";
    static final String TARGET = "dev.jlivepatch.selftest.apps.badinput.Target";
    static final String SHAPE = "dev.jlivepatch.selftest.apps.badinput.Shape";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.badinput.";
    /** The jar entry of the good patch's class. */
    static final String GOOD_CLASS = "dev/jlivepatch/selftest/patches/badinput/good/Good.class";
    /** What the application prints for {@code call} while nothing is patched. */
    static final String ORIGINAL = "ann greets bob, 42, 4, cy greets dan";
    /** What it prints with the good patch enabled. */
    static final String PATCHED = "patched greeting for bob, 42, 4, patched greeting for dan";

    private final Path dir;

    BadJars(Path dir) {
        this.dir = dir;
    }

    Path app() throws IOException {
        return Jars.app(dir.resolve("app.jar"), APP);
    }

    /** The patch jar of {@code patches/badinput/<name>}, with id {@code name}. */
    Path patch(String name) throws IOException {
        return Jars.patch(dir.resolve(name + ".jar"), name, Map.of(), PATCHES + name);
    }

    /** A text file named like a jar. */
    Path text() throws IOException {
        return Files.writeString(dir.resolve("text.jar"), "this is not a jar\n");
    }

    /** The good patch jar cut in half. */
    Path truncated() throws IOException {
        byte[] whole = Files.readAllBytes(Jars.patch(dir.resolve("whole.jar"), "whole", Map.of(), PATCHES + "good"));
        return Files.write(dir.resolve("truncated.jar"), Arrays.copyOf(whole, whole.length / 2));
    }

    /** The good patch's classes with no {@code Livepatch-Id} in the manifest. */
    Path noId() throws IOException {
        return Jars.patch(dir.resolve("noid.jar"), null, Map.of("Livepatch-Description", "no id"), PATCHES + "good");
    }

    /** The good patch, with id {@code name}, its class file's magic number 0xCAFEBABF instead of 0xCAFEBABE. */
    Path badMagic(String name) throws IOException {
        return goodWithClassFile(name, bytes -> {
            bytes[3] = (byte) 0xBF;
            return bytes;
        });
    }

    /** The good patch, with id {@code name}, its class file cut in half. */
    Path truncatedClass(String name) throws IOException {
        return goodWithClassFile(name, bytes -> Arrays.copyOf(bytes, bytes.length / 2));
    }

    /**
     * The good patch with id {@code name}, its class file changed by {@code change}: the jar is
     * valid, only the bytes of {@link #GOOD_CLASS} are not.
     */
    private Path goodWithClassFile(String name, UnaryOperator<byte[]> change) throws IOException {
        Path source = Jars.patch(dir.resolve(name + "-source.jar"), name, Map.of(), PATCHES + "good");
        Path out = dir.resolve(name + ".jar");
        try (JarFile in = new JarFile(source.toFile()); OutputStream file = Files.newOutputStream(out);
             JarOutputStream jar = new JarOutputStream(file, in.getManifest())) {
            for (JarEntry e : Collections.list(in.entries())) {
                if (e.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                byte[] bytes = in.getInputStream(e).readAllBytes();
                jar.putNextEntry(new JarEntry(e.getName()));
                jar.write(e.getName().equals(GOOD_CLASS) ? change.apply(bytes) : bytes);
                jar.closeEntry();
            }
        }
        return out;
    }
}
