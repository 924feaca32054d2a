package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.assertInOrder;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jars in the watched directory when the JVM starts are enabled in name order
 * (not the order they were written in) before {@code main} runs, and the
 * watcher then runs as a daemon thread named {@code jlivepatch-watch}.
 */
class StartupTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void jarsPresentAtStartupAreEnabledInNameOrderBeforeMain(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path dir = fx.dir();
        // Written second-first, so that neither creation nor directory order gives name order by chance.
        put(fx.patch("second", "second"), dir, "20-second.jar");
        put(fx.patch("first", "first"), dir, "10-first.jar");

        try (Live live = WatchFixtures.start(jdk, "dir=" + dir)) {
            live.awaitOut("second bob");
            live.finish();
            assertInOrder(live,
                    "livepatch: watch: watching " + dir + " for patch jars",
                    "livepatch: watch: 10-first.jar: loading patch 'first'",
                    "livepatch: enabling patch 'first'",
                    "livepatch: 'first': patching complete in TIME",
                    "livepatch: watch: 20-second.jar: loading patch 'second'",
                    "livepatch: enabling patch 'second'",
                    "livepatch: 'second': patching complete in TIME",
                    "OUT thread jlivepatch-watch daemon",
                    "OUT second bob",
                    "OUT done");
            // main's first call already ran the patched code: nothing before it printed the original.
            assertEquals("OUT thread jlivepatch-watch daemon", live.events().stream()
                    .filter(e -> e.startsWith("OUT")).findFirst().orElse(null));
            assertEquals(1, live.count("OUT second bob"), live::output);
            assertEquals(0, live.count("OUT " + WatchFixtures.ORIGINAL), live::output);
        }
    }
}
