package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.files.FileRules;
import dev.jlivepatch.agent.internal.files.Staging;
import dev.jlivepatch.agent.internal.patch.JarLimits;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.patch.PatchJarReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * How a patch jar named by a path ({@code patch=}, {@code load}, the MBean's
 * {@code load}) gets into the JVM: under the watched directory's rules. The
 * jar, every directory on the way to it and every symbolic link on that way
 * must be writable by nobody but this JVM's user or root ({@link FileRules});
 * then it is copied once into a private directory and read from that copy, so
 * that what was checked is what runs, and the copy is deleted once read (the
 * patch's classes are kept in memory).
 */
final class JarIntake {

    private JarIntake() {
    }

    static PatchJar read(Path given) throws PatchException {
        Path abs = given.toAbsolutePath();
        String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        FileRules.Resolved r;
        try {
            r = FileRules.forThisJvm().resolve(abs);
        } catch (NoSuchFileException e) {
            throw new PatchException(abs + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new PatchException(name + ": cannot tell who may write it: " + e.getMessage());
        }
        if (r.refusal() != null) {
            throw new PatchException(name + ": refused: " + r.refusal());
        }
        if (!Files.isRegularFile(r.real(), LinkOption.NOFOLLOW_LINKS)) {
            throw new PatchException(abs + ": no such file" + (Files.exists(r.real()) ? " (not a regular file)" : ""));
        }
        try (Staging staging = Staging.create("jlivepatch-load-")) {
            Object before = identity(r.real());
            Staging.Copy copy = staging.copy(r.real(), name, JarLimits.MAX_JAR_BYTES);
            if (!Objects.equals(before, identity(r.real()))) {
                throw new PatchException(name + ": changed while it was being read; load it again once it is"
                        + " written whole");
            }
            return PatchJarReader.read(copy.path(), abs);
        } catch (IOException e) {
            throw new PatchException(name + ": cannot read the jar: " + e.getMessage());
        }
    }

    /** What tells one state of a file from another: which file, its size, its modification time. */
    private static Object identity(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return java.util.List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
    }
}
