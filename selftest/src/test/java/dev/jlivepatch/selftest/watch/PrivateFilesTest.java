package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.chmod;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.OtherUser;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the agent writes to disk (issue 10, door 1), in a JVM started under
 * umask 000 and 002 with a {@code patch=} jar and a watched directory, its
 * {@code java.io.tmpdir} a sticky, world-writable directory as {@code /tmp}:
 * no bootstrap jar at all (the runtime is defined from memory), no copy left
 * from reading the {@code patch=} jar, and the watched directory's private
 * copies and the control directory owner-only (directories 0700, files
 * 0600); another user can neither write into them, nor replace the copies,
 * nor move the directories away.
 */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void everythingTheAgentWritesIsOwnerOnlyWhateverTheUmask(Jdk jdk) throws Exception {
        chmod(tmp, "rwx--x--x");
        for (String umask : List.of("000", "002")) {
            check(jdk, umask);
        }
    }

    private void check(Jdk jdk, String umask) throws Exception {
        Path root = Files.createDirectory(tmp.resolve("umask" + umask));
        chmod(root, "rwx--x--x");
        Path tmpdir = Files.createDirectory(root.resolve("tmp"));
        Files.setAttribute(tmpdir, "unix:mode", 01777);
        WatchFixtures fx = new WatchFixtures(root);
        put(fx.patch("fix1", "fix"), fx.dir(), "fix.jar");
        Path start = fx.patch("first", "first");
        Path app = Jars.app(Run.workDir("watch-" + jdk).resolve("app.jar"), "dev.jlivepatch.selftest.watch.app");
        List<String> withUmask = List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"");
        try (Live live = Live.start(withUmask, jdk, List.of("-Djava.io.tmpdir=" + tmpdir),
                "patch=" + start + ",dir=" + fx.dir(), app.toString(), WatchFixtures.MAIN)) {
            live.await("'first': patching complete");
            live.await("watch: fix.jar: loading patch 'fix'");
            live.awaitOut("fix v1 bob");
            List<String> names;
            try (Stream<Path> list = Files.list(tmpdir)) {
                names = list.map(p -> p.getFileName().toString()).toList();
            }
            assertEquals(1, names.size(), () -> "umask " + umask + ": only the watcher's copies in tmpdir: " + names);
            assertTrue(names.get(0).startsWith("jlivepatch-watch-"), names::toString);
            Path staging = tmpdir.resolve(names.get(0));
            Path control = Path.of(controlDirectory(live.pid()));
            List<Path> written = new ArrayList<>();
            for (Path top : List.of(staging, control)) {
                try (Stream<Path> walk = Files.walk(top)) {
                    walk.forEach(written::add);
                }
            }
            int self = (Integer) Files.getAttribute(tmp, "unix:uid");
            Path copy = null;
            for (Path p : written) {
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                assertEquals(self, Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS), p::toString);
                assertEquals(dir ? 0700 : 0600, mode, () -> "umask " + umask + ": mode of " + p);
                copy = dir ? copy : p;
            }
            assertTrue(copy != null && copy.getFileName().toString().equals("fix.jar"), written::toString);
            if (OtherUser.available()) {
                for (String attack : List.of("touch " + staging + "/planted", "cp /dev/null " + copy,
                        "touch " + control + "/cli-planted.sock", "mv " + staging + " " + tmpdir + "/moved",
                        "mkdir " + staging + "/99")) {
                    OtherUser.Result r = OtherUser.sh(attack);
                    assertNotEquals(0, r.exit(), () -> attack + ": " + r.output());
                }
            } else {
                System.out.println("SKIPPED: another user writing the agent's files needs root and setpriv");
            }
            live.finish();
        }
    }

    /** The agent's control directory, from the JVM's system properties read over attach. */
    private static String controlDirectory(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return vm.getSystemProperties().getProperty("jlivepatch.agent.control");
        } finally {
            vm.detach();
        }
    }
}
