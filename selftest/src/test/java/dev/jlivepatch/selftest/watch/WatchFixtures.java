package dev.jlivepatch.selftest.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * The watched-directory fixtures: the application ({@code watch/app}), patch
 * jars built from {@code patches/watch/<name>}, and a watched directory with
 * owner-only permissions inside a test's temporary directory.
 */
final class WatchFixtures {
    static final String MAIN = "dev.jlivepatch.selftest.watch.app.Main";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.watch.";
    /** What the application prints unpatched. */
    static final String ORIGINAL = "Hello bob";

    private final Path root;
    private final Path src;

    /** Fixtures under {@code root}, a temporary directory of the test. */
    WatchFixtures(Path root) throws IOException {
        this.root = root;
        this.src = Files.createDirectory(root.resolve("src"));
    }

    /** The watched directory, mode 0700, created empty. */
    Path dir() throws IOException {
        Path dir = root.resolve("patches");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return dir;
    }

    /** The patch jar of {@code patches/watch/<name>}, with {@code id}, built outside the watched directory. */
    Path patch(String name, String id) throws IOException {
        return Jars.patch(src.resolve(name + "-" + id + ".jar"), id, Map.of(), PATCHES + name);
    }

    /** Drops a jar into the directory whole, as tools do: written under a hidden name, then renamed. */
    static Path put(Path jar, Path dir, String name) throws IOException {
        Path tmp = dir.resolve("." + name + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes a file look as if it had been there for an hour (a jar present before the JVM started). */
    static Path old(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        return file;
    }

    static void chmod(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    /** Starts the application with {@code -javaagent:jlivepatch.jar=options}. */
    static Live start(Jdk jdk, String options) throws Exception {
        Path app = Jars.app(Run.workDir("watch-" + jdk).resolve("app.jar"), "dev.jlivepatch.selftest.watch.app");
        return Live.start(jdk, options, app.toString(), MAIN);
    }

    /** Asserts that lines containing these fragments were logged or printed in this order (other lines may come between). */
    static void assertInOrder(Live live, String... fragments) {
        List<String> events = live.events();
        int at = 0;
        for (String f : fragments) {
            while (at < events.size() && !events.get(at).contains(f)) {
                at++;
            }
            int found = at;
            assertTrue(found < events.size(), () -> "'" + f + "' missing or out of order; events:\n"
                    + String.join("\n", events));
            at++;
        }
    }

    /** Lets the watcher look at the directory a few times. */
    static void polls(int n) throws InterruptedException {
        Thread.sleep(500L * n + 200);
    }
}
