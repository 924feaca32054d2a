package dev.jlivepatch.selftest.attach;

import static dev.jlivepatch.selftest.attach.Fixtures.ORIGINAL;
import static dev.jlivepatch.selftest.attach.Fixtures.V1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.OtherUser;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code load PATH} under the watched directory's rules (issue 10, door 3): a
 * jar that another user can write, or whose directory they can write, or
 * that they own, or that they reached through a link of theirs, is refused
 * with its one-line reason (status 1) and the application keeps its code;
 * with the same jar made owner-only, the load goes through.
 */
class LoadPathSecurityTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aJarOrDirectoryOthersCanWriteIsRefused(Jdk jdk) throws Exception {
        Path dir = Run.workDir("security-loadpath-" + jdk);
        Path shared = Files.createTempDirectory("jlivepatch-loadpath-"); // not in workDir, which empties one level
        try {
            refusals(jdk, dir, shared);
        } finally {
            delete(shared);
        }
    }

    private static void refusals(Jdk jdk, Path dir, Path shared) throws Exception {
        Path jar = Files.copy(Fixtures.v1(dir), shared.resolve("fix.jar"), StandardCopyOption.REPLACE_EXISTING);
        chmod(shared, "rwxr-xr-x");
        chmod(jar, "rw-rw-rw-");
        try (Target t = Target.start(jdk, Target.appJar(dir))) {
            CliRun.run(jdk, "load", t.pid(), jar).fails(1, "fix.jar: refused: " + jar + " is writable by its group"
                    + " and other users (mode 0666); only its owner may write it");
            assertEquals(ORIGINAL, t.ask("call"));

            chmod(jar, "rw-r--r--");
            chmod(shared, "rwxrwxrwx");
            CliRun.run(jdk, "load", t.pid(), jar, "--json").fails(1, "fix.jar: refused: " + shared + " is writable by"
                    + " its group and other users (mode 0777); only its owner may write it");
            assertEquals(ORIGINAL, t.ask("call"));

            Files.setAttribute(shared, "unix:mode", 01777); // sticky, as /tmp: others cannot replace our files
            CliRun.run(jdk, "load", t.pid(), jar).ok().says("patch 'v1' enabled: patching complete");
            assertEquals(V1, t.ask("call"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void anotherUsersJarOrLinkIsRefused(Jdk jdk) throws Exception {
        OtherUser.assume("another user planting a patch jar for load");
        Path dir = Run.workDir("security-loadpath-user-" + jdk);
        Path open = Files.createTempDirectory("jlivepatch-loadpath-");
        try {
            Files.setAttribute(open, "unix:mode", 01777);
            Path good = Files.copy(Fixtures.v1(dir), open.resolve("good.jar"));
            chmod(good, "rw-r--r--");
            Path mine = Files.copy(good, open.resolve("mine.jar"));
            chmod(mine, "rw-rw-rw-");
            Path v2 = Fixtures.v2(open);
            chmod(v2, "rw-r--r--");
            // The other user: a jar of their own, a link of their own to our good jar, and our 0666 jar rewritten.
            OtherUser.Result r = OtherUser.sh("cp " + good + " " + open + "/theirs.jar && ln -s " + good + " " + open
                    + "/link.jar && cat " + v2 + " > " + mine);
            assertEquals(0, r.exit(), r::output);
            try (Target t = Target.start(jdk, Target.appJar(dir))) {
                CliRun.run(jdk, "load", t.pid(), open.resolve("theirs.jar")).fails(1, "theirs.jar: refused: "
                        + open.resolve("theirs.jar") + " is owned by uid " + OtherUser.UID + ", not by this JVM's user"
                        + " (uid 0) or root");
                CliRun.run(jdk, "load", t.pid(), open.resolve("link.jar")).fails(1, "link.jar: refused: "
                        + open.resolve("link.jar") + " is a symbolic link owned by uid " + OtherUser.UID + ", not by"
                        + " this JVM's user (uid 0) or root");
                CliRun.run(jdk, "load", t.pid(), mine).fails(1, "mine.jar: refused: " + mine + " is writable by its"
                        + " group and other users (mode 0666); only its owner may write it");
                assertEquals(ORIGINAL, t.ask("call"), "nothing the other user touched was loaded");
                CliRun.run(jdk, "load", t.pid(), good).ok();
                assertEquals(V1, t.ask("call"));
            }
        } finally {
            delete(open);
        }
    }

    private static void delete(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
}
