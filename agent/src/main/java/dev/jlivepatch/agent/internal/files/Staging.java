package dev.jlivepatch.agent.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
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
 * Private copies of the jars the agent reads. A jar is copied once, hashed as
 * it is copied, and every later step (the signature check, reading the patch,
 * loading it) reads the copy: what was checked is exactly what is loaded,
 * whatever happens to the original meanwhile.
 *
 * <p>The copies live in a directory that {@link Files#createTempDirectory}
 * makes under {@code java.io.tmpdir}: a name nobody can guess or plant first
 * (it is created, never reused), mode 0700 given at creation. Each copy has a
 * directory of its own (0700) and is created new with mode 0600, so the
 * JVM's umask never widens them. The directory is removed when the JVM exits.
 */
public final class Staging implements AutoCloseable {
    private static final FileAttribute<Set<PosixFilePermission>> DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;
    private final Thread cleanup;
    private long next;

    private Staging(Path root) {
        this.root = root;
        this.cleanup = new Thread(this::deleteAll, "jlivepatch-cleanup");
    }

    /**
     * Creates a private directory in {@code java.io.tmpdir}, deleted when the JVM exits.
     *
     * @param prefix the start of its name, e.g. {@code jlivepatch-watch-}
     * @return the staging area
     * @throws IOException if it cannot be created, or if {@code java.io.tmpdir} could be changed by other users
     */
    public static Staging create(String prefix) throws IOException {
        Path root = Files.createTempDirectory(prefix, DIR);
        FileRules.Resolved r = FileRules.forThisJvm().resolve(root);
        if (r.refusal() != null) {
            delete(root);
            throw new IOException("no private place for copies of patch jars in java.io.tmpdir: " + r.refusal());
        }
        Staging s = new Staging(r.real());
        Runtime.getRuntime().addShutdownHook(s.cleanup);
        return s;
    }

    /** @return the private directory */
    public Path root() {
        return root;
    }

    /**
     * A private copy of a jar.
     *
     * @param path where it is
     * @param sha256 the hash of its content
     */
    public record Copy(Path path, String sha256) {
    }

    /**
     * Copies {@code source} under {@code name} into a new private directory, hashing it on the way.
     *
     * @param source the file to copy; opened once, read once
     * @param name the copy's file name
     * @param limit the most bytes a jar may have: a longer file is copied up to one byte past it
     *              (enough for the reader to refuse it by its size), never whole
     * @return the copy
     * @throws IOException if it cannot be read or written
     */
    public synchronized Copy copy(Path source, String name, long limit) throws IOException {
        Path dir = Files.createDirectory(root.resolve(Long.toString(next++)), DIR);
        Path target = dir.resolve(name);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha);
             OutputStream out = Channels.newOutputStream(Files.newByteChannel(target,
                     Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FILE))) {
            byte[] buf = new byte[64 << 10];
            long left = limit + 1;
            for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; left -= n) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            delete(dir);
            throw e;
        }
        return new Copy(target, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Deletes every copy not in {@code keep}.
     *
     * @param keep the copies still needed
     */
    public synchronized void retain(Collection<Path> keep) {
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

    /**
     * Deletes a copy no longer needed (its directory is its own).
     *
     * @param copy the copy
     */
    public static void discard(Path copy) {
        delete(copy.getParent());
    }

    private synchronized void deleteAll() {
        delete(root);
    }

    /** Deletes the whole private directory now, rather than when the JVM exits. */
    @Override
    public void close() {
        deleteAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException exiting) {
            // the hook runs anyway
        }
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
