package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jlivepatch.fuzztest.Seeds;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's limits (docs/patch-jar.md, "Limits and hostile jars") on the
 * jars too large to keep in the fuzz corpus, made here: each refused with its
 * one-line reason, before anything reads more than the limit.
 */
class JarLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aJarOverTheSizeLimitIsRefusedBeforeItIsOpened() throws Exception {
        Path jar = dir.resolve("big.jar");
        try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "rw")) {
            f.setLength(JarLimits.MAX_JAR_BYTES + 1); // sparse: nothing is written
        }
        assertEquals("big.jar: the jar is 67108865 bytes, more than a patch jar may be (67108864)", refused(jar));
    }

    @Test
    void tooManyEntries() throws Exception {
        Path jar = dir.resolve("many.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i <= JarLimits.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("e/" + i + "/"));
                zip.closeEntry();
            }
        }
        assertEquals("many.jar: the jar has 10001 entries, more than a patch jar may have (10000)", refused(jar));
    }

    @Test
    void entriesInflatingPastTheTotalTogether() throws Exception {
        Path jar = dir.resolve("total.jar");
        Random random = new Random(1);
        byte[] block = new byte[JarLimits.MAX_ENTRY_BYTES];
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < block.length; j++) {
                    block[j] = (byte) ('a' + random.nextInt(2)); // a bit of entropy a byte: about 1:6, under the ratio
                }
                zip.putNextEntry(new ZipEntry("data/" + i + ".bin"));
                zip.write(block);
                zip.closeEntry();
            }
        }
        assertEquals("total.jar: the entries inflate to more than 67108864 bytes", refused(jar));
    }

    @Test
    void aSizeFieldThatLiesDoesNotBoundTheCount() throws Exception {
        // The central directory says the entry inflates to 10 bytes; it inflates to 9 MiB.
        byte[] bytes = Seeds.jar(List.of(new Seeds.Entry("META-INF/MANIFEST.MF", Seeds.manifest("Livepatch-Id: fz\n"),
                false), new Seeds.Entry("bomb.bin", new byte[9 << 20], false)));
        int cen = lastIndexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[cen + 24] = 10;
        bytes[cen + 25] = 0;
        bytes[cen + 26] = 0;
        bytes[cen + 27] = 0;
        Path jar = Files.write(dir.resolve("lies.jar"), bytes);
        assertEquals("lies.jar: entry 'bomb.bin' inflates to more than 8388608 bytes (a zip bomb?)", refused(jar));
    }

    @Test
    void entryNames() {
        assertNull(JarLimits.badName("com/example/Fix.class"));
        assertNull(JarLimits.badName("META-INF/MANIFEST.MF"));
        assertNull(JarLimits.badName("a..b/c..d.class"));
        assertEquals("has '..' in its name", JarLimits.badName("../x.class"));
        assertEquals("has '..' in its name", JarLimits.badName("a/../../x.class"));
        assertEquals("has '..' in its name", JarLimits.badName("a/.."));
        assertEquals("has an absolute or non-portable name", JarLimits.badName("/etc/passwd"));
        assertEquals("has an absolute or non-portable name", JarLimits.badName("a\\..\\b"));
        assertEquals("has an absolute or non-portable name", JarLimits.badName("C:/x"));
        assertEquals("has a control character in its name", JarLimits.badName("a\nb"));
        assertEquals("has a control character in its name", JarLimits.badName("a\u0000b"));
        assertEquals("has an empty name", JarLimits.badName(""));
        assertEquals("'a\\u000ab'", JarLimits.quoted("a\nb"));
        assertEquals("'" + "x".repeat(200) + "...'", JarLimits.quoted("x".repeat(300)));
    }

    @Test
    void aManifestNamingAnAttributeTwice() throws Exception {
        ManifestCheck.check("ok.jar", "Manifest-Version: 1.0\nLivepatch-Id: a\n\nName: x\nLivepatch-Id: b\n\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("m.jar: the manifest names 'livepatch-id' twice in its main section", assertThrows(
                PatchException.class, () -> ManifestCheck.check("m.jar", ("Manifest-Version: 1.0\nLivepatch-Id: a\n"
                        + " b\nlivepatch-id: c\n").getBytes(StandardCharsets.UTF_8))).getMessage());
        assertEquals("m.jar: the manifest names 'X' twice in its section 1", assertThrows(PatchException.class,
                () -> ManifestCheck.check("m.jar", "Manifest-Version: 1.0\n\nName: a\nX: 1\r\nX: 2\r\n"
                        .getBytes(StandardCharsets.UTF_8))).getMessage());
    }

    @Test
    void aReasonStaysOneLine() {
        assertEquals("a\\u000ab", new PatchException("a\nb").getMessage());
        String long1 = new PatchException("x".repeat(1500)).getMessage();
        assertEquals("x".repeat(1000) + "... (500 more characters)", long1);
    }

    private static String refused(Path jar) {
        return assertThrows(PatchException.class, () -> PatchJarReader.read(jar)).getMessage();
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        for (int i = in.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
