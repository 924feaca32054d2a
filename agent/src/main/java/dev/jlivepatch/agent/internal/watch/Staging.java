package dev.jlivepatch.agent.internal.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Private copies of the jars the watcher reads. A jar is copied once, hashed
 * as it is copied, and every later step (the signature check, reading the
 * patch, loading it) reads the copy: what was checked is exactly what is
 * loaded, whatever happens to the file in the watched directory meanwhile.
 * The copy of a loaded patch is kept so that it can be put back if its new
 * version is refused. The copies live in a directory only the JVM's user can
 * read, removed when the JVM exits.
 */
final class Staging {
    private final Path root;
    private long next;

    private Staging(Path root) {
        this.root = root;
    }

    /** Creates the private directory in {@code java.io.tmpdir}. */
    static Staging create() throws IOException {
        Path root = Files.createTempDirectory("jlivepatch-watch-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Staging s = new Staging(root);
        Runtime.getRuntime().addShutdownHook(new Thread(s::deleteAll, "jlivepatch-watch-cleanup"));
        return s;
    }

    /** A file this JVM created, to learn its user from. */
    Path root() {
        return root;
    }

    /** A private copy of a jar. */
    record Copy(Path path, String sha256) {
    }

    /** Copies {@code source} under its own name into a new private directory, hashing it on the way. */
    synchronized Copy copy(Path source, String name) throws IOException {
        Path dir = Files.createDirectory(root.resolve(Long.toString(next++)));
        Path target = dir.resolve(name);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            in.transferTo(out);
        } catch (IOException e) {
            delete(dir);
            throw e;
        }
        return new Copy(target, HexFormat.of().formatHex(sha.digest()));
    }

    /** Deletes every copy not in {@code keep}. */
    synchronized void retain(Collection<Path> keep) {
        Set<Path> dirs = new HashSet<>();
        for (Path p : keep) {
            dirs.add(p.getParent());
        }
        try (Stream<Path> list = Files.list(root)) {
            list.filter(d -> !dirs.contains(d)).forEach(Staging::delete);
        } catch (IOException e) {
            // Left for the next sweep or for exit.
        }
    }

    /** Deletes a copy no longer needed (its directory is its own). */
    static void discard(Path copy) {
        delete(copy.getParent());
    }

    private synchronized void deleteAll() {
        delete(root);
    }

    private static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
