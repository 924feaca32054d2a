package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.ORIGINAL;
import static dev.jlivepatch.selftest.watch.WatchFixtures.chmod;
import static dev.jlivepatch.selftest.watch.WatchFixtures.polls;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who can put code into the JVM through the directory: a directory, a
 * directory above it, or a jar that other users can write is refused (and
 * changes nothing until fixed), as is a symbolic link leading outside the
 * directory, while a Kubernetes ConfigMap's layout of links inside the
 * directory works, updates included.
 */
class SecurityTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aDirectoryOthersCanWriteIsRefusedUntilFixed(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        put(fx.patch("fix1", "fix"), dir, "fix.jar");
        chmod(dir, "rwxrwx---");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.await("watch: " + dir + ": refused: " + dir + " is writable by its group (mode 0770); only its"
                    + " owner may write it; nothing is loaded from it or unloaded until this is fixed");
            live.awaitOut(ORIGINAL);
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0).expect(ORIGINAL, "is writable by its group", 1);

            chmod(dir, "rwx------");
            live.awaitOut("fix v1 bob");

            // A directory above that others can write (and without the sticky bit of /tmp) is as bad:
            // the jar removed meanwhile is not acted on until that is fixed too.
            chmod(tmp, "rwxrwxrwx");
            live.await("watch: " + dir + ": refused: " + tmp + " is writable by its group and other users (mode 0777)");
            Files.delete(dir.resolve("fix.jar"));
            polls(3);
            live.expect("fix v1 bob", "disabling and removing", 0);
            chmod(tmp, "rwx------");
            live.await("watch: fix.jar was removed; disabling and removing patch 'fix'");
            live.awaitOut(ORIGINAL);
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aJarOthersCanWriteIsRefusedUntilFixed(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path jar = put(fx.patch("fix1", "fix"), dir, "fix.jar");
        chmod(jar, "rw-r--rw-");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.await("watch: fix.jar: refused: " + dir.resolve("fix.jar") + " is writable by other users (mode 0646);"
                    + " only its owner may write it");
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0).expect(ORIGINAL, "is writable by other users", 1);
            chmod(jar, "rw-r--r--");
            live.awaitOut("fix v1 bob");
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aDirectoryOwnedByAnotherUserIsRefused(Jdk jdk) throws Exception {
        assumeTrue(((Integer) Files.getAttribute(tmp, "unix:uid")) == 0, "changing a file's owner needs root");
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        put(fx.patch("fix1", "fix"), dir, "fix.jar");
        Files.setAttribute(dir, "unix:uid", 65534);

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.await("watch: " + dir + ": refused: " + dir + " is owned by uid 65534, not by this JVM's user"
                    + " (uid 0) or root");
            live.awaitOut(ORIGINAL);
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0);
            Files.setAttribute(dir, "unix:uid", 0);
            live.awaitOut("fix v1 bob");
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aSymlinkLeadingOutsideIsRefused(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path target = put(fx.patch("fix1", "fix"), outside, "evil.jar");
        Files.createSymbolicLink(dir.resolve("evil.jar"), target);
        Files.createSymbolicLink(dir.resolve("up.jar"), Path.of("../outside/evil.jar"));

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.await("watch: evil.jar: refused: evil.jar is a symbolic link leading outside " + dir + " (to "
                    + target + ")");
            live.awaitOut(ORIGINAL);
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0)
                    .expect(ORIGINAL, "watch: up.jar: refused: up.jar is a symbolic link leading outside", 1);
            live.finish();
        }
    }

    /**
     * A ConfigMap volume as the kubelet writes it: each key a link {@code NAME -> ..data/NAME},
     * {@code ..data} a link to a hidden timestamped directory, and an update a new such directory
     * with {@code ..data} swapped over to it in one rename.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aConfigMapLayoutWorksAndItsUpdatesAreApplied(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path first = Files.createDirectory(dir.resolve("..2026_01_01_00_00_00.000000001"));
        put(fx.patch("fix1", "fix"), first, "fix.jar");
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(dir.resolve("fix.jar"), Path.of("..data/fix.jar"));

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut("fix v1 bob");

            // The update: a new directory, ..data swapped over to it, the old one removed.
            Path second = Files.createDirectory(dir.resolve("..2026_01_01_00_05_00.000000002"));
            put(fx.patch("fix2", "fix"), second, "fix.jar");
            Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(first.resolve("fix.jar"));
            Files.delete(first);
            live.await("watch: fix.jar changed; patch 'fix' takes its new version in one transition");
            live.awaitOut("fix v2 bob");

            // An update that leaves the other keys alone changes nothing for them.
            Path third = Files.createDirectory(dir.resolve("..2026_01_01_00_10_00.000000003"));
            Files.copy(second.resolve("fix.jar"), third.resolve("fix.jar"));
            Files.createSymbolicLink(dir.resolve("..data_tmp"), third.getFileName());
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            polls(3);
            live.expect("fix v2 bob", "enabling patch 'fix'", 2);

            // The key removed from the ConfigMap: its link goes (and the file with the next directory).
            Files.delete(dir.resolve("fix.jar"));
            live.await("watch: fix.jar was removed; disabling and removing patch 'fix'");
            live.awaitOut(ORIGINAL);
            live.finish();
        }
    }
}
