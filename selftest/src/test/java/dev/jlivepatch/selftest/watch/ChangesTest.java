package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.ORIGINAL;
import static dev.jlivepatch.selftest.watch.WatchFixtures.assertInOrder;
import static dev.jlivepatch.selftest.watch.WatchFixtures.polls;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;

import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A running application's watched directory changes: a jar appears (first
 * under a {@code .tmp} name, which is ignored until renamed), is replaced in
 * place by a new version of the same patch, is renamed, and is removed; a
 * copy in progress is never applied; nothing is ever applied twice.
 */
class ChangesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void appearReplaceRenameRemove(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        Path v1 = fx.patch("fix1", "fix");
        Path v2 = fx.patch("fix2", "fix");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut(ORIGINAL);

            // Appear: a .tmp name and a hidden name are not jars of the directory; the rename is.
            Files.copy(v1, dir.resolve("fix.jar.tmp"));
            Files.copy(v1, dir.resolve(".fix.jar"));
            polls(3);
            live.expect(ORIGINAL, "enabling patch", 0);
            Files.move(dir.resolve("fix.jar.tmp"), dir.resolve("fix.jar"), StandardCopyOption.ATOMIC_MOVE);
            live.await("watch: fix.jar: loading patch 'fix'");
            live.awaitOut("fix v1 bob");

            // Replace: the same patch id, new content, written in place.
            Files.write(dir.resolve("fix.jar"), Files.readAllBytes(v2));
            live.await("watch: fix.jar changed; patch 'fix' takes its new version in one transition");
            live.await("patch 'fix': a new version takes over from the loaded one");
            live.awaitOut("fix v2 bob");

            // Rename: the same content under another name keeps its patch as it is, even when the file
            // was written just now, so that its new name needs two looks to count while its old one is missing.
            Files.setLastModifiedTime(dir.resolve("fix.jar"), FileTime.fromMillis(System.currentTimeMillis()));
            Files.move(dir.resolve("fix.jar"), dir.resolve("fix-renamed.jar"));
            live.await("watch: fix.jar was renamed to fix-renamed.jar; patch 'fix' stays as it is");
            polls(2);
            live.expect("fix v2 bob", "enabling patch 'fix'", 2).expect("fix v2 bob", "unpatching", 0);

            // Remove.
            Files.delete(dir.resolve("fix-renamed.jar"));
            live.await("watch: fix-renamed.jar was removed; disabling and removing patch 'fix'");
            live.awaitOut(ORIGINAL);
            polls(2);
            live.expect(ORIGINAL, "enabling patch 'fix'", 2).expect(ORIGINAL, "'fix': unpatching complete", 1);
            live.finish();
            assertInOrder(live,
                    "OUT " + ORIGINAL,
                    "watch: fix.jar: loading patch 'fix'", "enabling patch 'fix'", "OUT fix v1 bob",
                    // the swap: one patching transition from the old version to the new one, no unpatching between
                    "watch: fix.jar changed", "a new version takes over", "enabling patch 'fix'",
                    "OUT fix v2 bob",
                    "fix.jar was renamed to fix-renamed.jar",
                    "fix-renamed.jar was removed", "'fix': initializing unpatching transition", "OUT " + ORIGINAL);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aHalfWrittenJarIsAppliedOnlyOnceComplete(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        byte[] whole = Files.readAllBytes(fx.patch("fix1", "fix"));
        int half = whole.length / 2;

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut(ORIGINAL);
            Path jar = dir.resolve("fix.jar");
            Files.write(jar, Arrays.copyOf(whole, half));
            live.await("watch: fix.jar: not a complete jar yet; waiting");
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0).expect(ORIGINAL, "failed to load", 0);

            Files.write(jar, Arrays.copyOfRange(whole, half, whole.length), StandardOpenOption.APPEND);
            live.awaitOut("fix v1 bob");
            polls(3);
            live.expect("fix v1 bob", "enabling patch 'fix'", 1).expect("fix v1 bob", "failed to", 0);
            live.finish();
        }
    }
}
