package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.assertInOrder;
import static dev.jlivepatch.selftest.watch.WatchFixtures.old;
import static dev.jlivepatch.selftest.watch.WatchFixtures.polls;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;

import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad jars among good ones: each is refused with the usual one-line reason
 * and the good ones around it are enabled all the same; a refused jar is not
 * tried again at every poll, only once its content changes.
 */
class BadJarTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aBadJarIsRefusedAndDoesNotStopTheOthers(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        put(fx.patch("first", "first"), dir, "a.jar");
        // Not a jar at all; there before the JVM started, so not mistaken for a copy in progress.
        old(Files.writeString(dir.resolve("b.jar"), "this is not a jar\n"));
        put(fx.patch("missing", "missing"), dir, "c.jar");
        put(fx.patch("second", "second"), dir, "d.jar");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut("second bob");
            polls(3);
            live.expect("second bob", "b.jar: not a jar", 1)
                    .expect("second bob", "failed to enable patch 'missing'", 1)
                    .expect("second bob", "enabling patch", 3);

            // New content under the refused name is tried.
            put(fx.patch("fix1", "fix"), dir, "b.jar");
            live.awaitOut("fix v1 bob");
            live.finish();
            assertInOrder(live,
                    "enabling patch 'first'", "'first': patching complete",
                    "livepatch: failed to load patch jar " + dir.resolve("b.jar") + ": b.jar: not a jar, or truncated:"
                            + " zip END header not found",
                    "livepatch: watch: b.jar: refused; it is tried again when its content changes",
                    "enabling patch 'missing'",
                    "livepatch: failed to enable patch 'missing': patch 'missing': " + WatchFixtures.PATCHES
                            + "missing.Missing.farewell: target method dev.jlivepatch.selftest.watch.app.Greeter"
                            + ".farewell not found",
                    "livepatch: watch: c.jar: refused; it is tried again when its content changes",
                    "enabling patch 'second'", "'second': patching complete",
                    "OUT second bob",
                    "watch: b.jar: loading patch 'fix'", "enabling patch 'fix'", "OUT fix v1 bob");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aRefusedNewVersionLeavesTheOldOneInPlace(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        put(fx.patch("fix1", "fix"), dir, "fix.jar");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut("fix v1 bob");
            // A new version of 'fix' that reads well but cannot be enabled: its method is missing.
            put(fx.patch("missing", "fix"), dir, "fix.jar");
            live.await("watch: fix.jar changed; patch 'fix' takes its new version in one transition");
            live.await("failed to enable patch 'fix'");
            live.await("watch: fix.jar: refused; it is tried again when its content changes");
            // The old version was never taken off: nothing to put back, and no unpatching happened.
            polls(3);
            live.expect("fix v1 bob", "enabling patch 'fix'", 2).expect("fix v1 bob", "failed to enable", 1)
                    .expect("fix v1 bob", "unpatching", 0);

            // Removing the jar removes the version still applied.
            Files.delete(dir.resolve("fix.jar"));
            live.awaitOut(WatchFixtures.ORIGINAL);
            live.finish();
        }
    }
}
