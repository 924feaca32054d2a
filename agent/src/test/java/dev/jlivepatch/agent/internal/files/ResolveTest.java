package dev.jlivepatch.agent.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walking a path: links followed by hand, their owners and every directory on the way checked. */
class ResolveTest {
    @TempDir
    Path tmp;
    private Path base;
    private FileRules rules;

    @BeforeEach
    void setUp() throws Exception {
        base = tmp.toRealPath();
        chmod(base, "rwx------");
        rules = FileRules.forThisJvm();
    }

    @Test
    void followsLinksToTheRealFile() throws Exception {
        Path dir = Files.createDirectory(base.resolve("real"));
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        chmod(jar, "rw-r--r--");
        Files.createSymbolicLink(base.resolve("abs"), dir);
        Files.createSymbolicLink(base.resolve("rel"), Path.of("real/../real"));
        assertEquals(new FileRules.Resolved(jar, null), rules.resolve(base.resolve("abs/a.jar")));
        assertEquals(new FileRules.Resolved(jar, null), rules.resolve(base.resolve("rel/a.jar")));
    }

    @Test
    void refusesADirectoryOthersCanWriteOnTheWayUnlessSticky() throws Exception {
        Path dir = Files.createDirectory(base.resolve("shared"));
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        chmod(jar, "rw-r--r--");
        chmod(dir, "rwxrwxrwx");
        assertEquals(dir + " is writable by its group and other users (mode 0777); only its owner may write it",
                rules.resolve(jar).refusal());
        Files.setAttribute(dir, "unix:mode", 01777);
        assertNull(rules.resolve(jar).refusal(), "the sticky bit is enough for a directory on the way");
        chmod(jar, "rw-rw-rw-");
        assertEquals(jar + " is writable by its group and other users (mode 0666); only its owner may write it",
                rules.resolve(jar).refusal());
    }

    @Test
    void refusesALinkOwnedByAnotherUser() throws Exception {
        assumeTrue(rules.jvmUid() == 0, "changing a link's owner needs root");
        Path dir = Files.createDirectory(base.resolve("real"));
        Files.setAttribute(base, "unix:mode", 01777);
        Path link = Files.createSymbolicLink(base.resolve("planted"), dir);
        Files.setAttribute(link, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertEquals(link + " is a symbolic link owned by uid 65534, not by this JVM's user (uid 0) or root",
                rules.resolve(link).refusal());
    }

    @Test
    void aMissingNameIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> rules.resolve(base.resolve("none/a.jar")));
    }

    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }
}
