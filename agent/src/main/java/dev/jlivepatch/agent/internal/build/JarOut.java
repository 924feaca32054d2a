package dev.jlivepatch.agent.internal.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes the patch jar: the manifest that names it, then its classes. The
 * same builds give the same bytes (entries in name order, one fixed time),
 * and the jar appears whole or not at all (written aside, then moved), so a
 * watched patch directory never sees half of it.
 */
final class JarOut {
    /** 1 January 2000, UTC: entries carry no build time. */
    private static final long TIME = 946_684_800_000L;

    private JarOut() {
    }

    static void write(Path out, String id, String description, boolean replace, Map<String, byte[]> classes)
            throws BuildException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Created-By", "jlivepatch build");
        a.putValue("Livepatch-Id", id);
        a.putValue("Livepatch-Description", description);
        if (replace) {
            a.putValue("Livepatch-Replace", "true");
        }
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
            try (OutputStream file = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(file)) {
                JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
                m.setTime(TIME);
                jar.putNextEntry(m);
                mf.write(jar);
                jar.closeEntry();
                for (Map.Entry<String, byte[]> c : new java.util.TreeMap<>(classes).entrySet()) {
                    JarEntry e = new JarEntry(c.getKey() + ".class");
                    e.setTime(TIME);
                    jar.putNextEntry(e);
                    jar.write(c.getValue());
                    jar.closeEntry();
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BuildException("cannot write " + out + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // nothing more to do
                }
            }
        }
    }
}
