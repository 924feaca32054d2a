package dev.jlivepatch.selftest.badinput;

import dev.jlivepatch.selftest.harness.Jars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

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
}
