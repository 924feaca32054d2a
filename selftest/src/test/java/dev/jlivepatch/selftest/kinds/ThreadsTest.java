package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stub as a thread starts and ends (the kernel's concern of a handler running where the
 * machinery is not watching): a Thread subclass's patched run() is the new thread's first frame,
 * a patched uncaught-exception handler runs in the dying thread. Under concurrency: while the
 * patch is disabled and enabled six times, four threads call a patched method and a patched
 * synchronized read-modify-write, and a fifth starts and joins patched Task threads. Every call
 * returns the original's or the replacement's result, no thread switches back within a state,
 * every thread comes to see each new state, no deposit is lost (the replacement of a synchronized
 * method runs with the monitor held), and nothing throws.
 */
class ThreadsTest {
    private static final String MAIN = Fixtures.APPS + "threads.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void threadsStartEndAndRaceWhilePatching(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-threads-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "threads", Set.of(), Map.of());
        Path patch = Fixtures.patch(dir.resolve("threads.jar"), "threads", Fixtures.PATCHES + "threads");

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "threads", "load:" + patch, "threads", "toggle", "threads", "disable:threads", "threads");
        Checks.clean(run).expectOut(
                "Task.run: orig t1",
                "uncaught handler: [orig boom]",
                "load threads.jar",
                "Task.run: new t1",
                "uncaught handler: [new boom in the dying thread]",
                "toggle: 6 toggles, every caller saw both: true",
                "toggle: balance matches deposits: true",
                "toggle: 0 errors []",
                "Task.run: new t1",
                "uncaught handler: [new boom in the dying thread]",
                "disable threads",
                "Task.run: orig t1",
                "uncaught handler: [orig boom]");
    }
}
