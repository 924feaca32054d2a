package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jlivepatch.agent.internal.patch.PatchException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} of a file far larger than a patch jar may be: copied no further than one byte past the limit. */
class JarIntakeLimitTest {
    @TempDir
    Path dir;

    @Test
    void aHugeFileIsCutAtTheLimitAndRefused() throws Exception {
        Path jar = dir.resolve("huge.jar");
        try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "rw")) {
            f.setLength(1L << 40); // a sparse terabyte: copying it whole would fill the disk
        }
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-------"));
        long before = copies();
        assertEquals("huge.jar: the jar is 67108865 bytes, more than a patch jar may be (67108864)",
                assertThrows(PatchException.class, () -> JarIntake.read(jar)).getMessage());
        assertEquals(before, copies());
    }

    private static long copies() throws Exception {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("jlivepatch-load-")).count();
        }
    }
}
