package dev.jlivepatch.selftest.watch;

import static dev.jlivepatch.selftest.watch.WatchFixtures.ORIGINAL;
import static dev.jlivepatch.selftest.watch.WatchFixtures.chmod;
import static dev.jlivepatch.selftest.watch.WatchFixtures.polls;
import static dev.jlivepatch.selftest.watch.WatchFixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.OtherUser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paths handed to the agent at startup (issue 10, doors 2 and 3): a watched
 * directory that does not exist yet under a sticky, world-writable parent,
 * which another user then creates as a link to a directory of patches, is
 * refused, as is a trust store reached through another user's link; a
 * {@code patch=} jar that others can write, or that another user owns, is
 * refused and the application starts unpatched.
 */
class PathSecurityTest {
    private static final String NOT_OURS = " is a symbolic link owned by uid " + OtherUser.UID + ", not by this JVM's"
            + " user (uid 0) or root";

    @TempDir
    Path tmp;

    /** A sticky, world-writable directory, as /tmp, that the other user can reach. */
    private Path shared() throws Exception {
        chmod(tmp, "rwx--x--x");
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setAttribute(shared, "unix:mode", 01777);
        return shared;
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aWatchedDirectoryPlantedAsALinkIsRefused(Jdk jdk) throws Exception {
        OtherUser.assume("another user planting the watched directory as a symbolic link");
        WatchFixtures fx = new WatchFixtures(tmp);
        put(fx.patch("fix1", "fix"), fx.dir(), "fix.jar"); // the JVM's user's own patches, elsewhere
        Path planted = shared().resolve("patches");
        try (Live live = WatchFixtures.start(jdk, "dir=" + planted)) {
            live.await("watch: " + planted + " does not exist; waiting for it");
            OtherUser.Result r = OtherUser.sh("ln -s " + fx.dir() + " " + planted);
            assertEquals(0, r.exit(), r::output);
            live.await("watch: " + planted + ": refused: " + planted + NOT_OURS + "; nothing is loaded from it or"
                    + " unloaded until this is fixed");
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0);
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aTrustStoreThroughAnotherUsersLinkIsRefused(Jdk jdk) throws Exception {
        OtherUser.assume("another user pointing the trust store's path elsewhere");
        WatchFixtures fx = new WatchFixtures(tmp);
        Keys keys = Keys.create(Files.createDirectory(tmp.resolve("keys")));
        put(keys.sign(fx.patch("fix1", "fix"), "good", tmp.resolve("src/good.jar")), fx.dir(), "fix.jar");
        Path planted = shared().resolve("trust.p12");
        OtherUser.Result r = OtherUser.sh("ln -s " + keys.trust + " " + planted);
        assertEquals(0, r.exit(), r::output);
        String options = "dir=" + fx.dir() + ",trust=" + planted + ",trustpass=" + Keys.PASSWORD;
        try (Live live = WatchFixtures.start(jdk, options)) {
            live.await("watch: trust store " + planted + " cannot be trusted: " + planted + NOT_OURS
                    + "; nothing is loaded from " + fx.dir() + " or unloaded until it can be used");
            polls(2);
            live.expect(ORIGINAL, "enabling patch", 0);
            live.finish();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aStartupPatchOthersCanWriteIsRefused(Jdk jdk) throws Exception {
        WatchFixtures fx = new WatchFixtures(tmp);
        Path shared = shared();
        Path jar = Files.copy(fx.patch("fix1", "fix"), shared.resolve("fix.jar"));
        chmod(jar, "rw-rw-rw-");
        String options = "patch=" + jar;
        boolean other = OtherUser.available();
        Path theirs = shared.resolve("theirs.jar");
        if (other) {
            chmod(fx.patch("fix2", "theirs"), "rw-r--r--");
            OtherUser.Result r = OtherUser.sh("cat " + tmp.resolve("src/fix2-theirs.jar") + " > " + theirs);
            assertEquals(0, r.exit(), r::output);
            options += ",patch=" + theirs;
        } else {
            System.out.println("SKIPPED: a patch= jar owned by another user needs the tests to run as root with setpriv");
        }
        try (Live live = WatchFixtures.start(jdk, options)) {
            live.await("failed to load patch jar " + jar + ": fix.jar: refused: " + jar + " is writable by its group"
                    + " and other users (mode 0666); only its owner may write it");
            if (other) {
                live.await("failed to load patch jar " + theirs + ": theirs.jar: refused: " + theirs + " is owned by"
                        + " uid " + OtherUser.UID + ", not by this JVM's user (uid 0) or root");
            }
            live.awaitOut(ORIGINAL);
            live.expect(ORIGINAL, "enabling patch", 0);
            live.finish();
        }
    }
}
