package dev.jlivepatch.agent.internal.patch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a patch jar may cost to read, and the names its entries may have.
 * A patch jar is a few kilobytes; these bounds are far above any real one and
 * keep a hostile one (a zip bomb, millions of entries, a lying size field)
 * from exhausting the JVM's memory, disk or time. The reader checks a jar
 * against them ({@link #check}) before anything else reads it, inflating every
 * entry once with a counter and keeping nothing, so that what the JDK's jar
 * support reads afterwards is known to be bounded.
 *
 * <p>Entry names that could climb out of a directory ({@code ..}, a leading
 * {@code /}, a backslash, a drive letter) or that hold control characters are
 * refused, although the agent never writes an entry to a file: such a jar is
 * not one any build tool makes.
 */
public final class JarLimits {
    /** The largest patch jar file, in bytes (64 MiB). */
    public static final long MAX_JAR_BYTES = 64L << 20;
    /** The most entries a patch jar may have, directories included. */
    public static final int MAX_ENTRIES = 10_000;
    /** The largest entry, inflated, in bytes (8 MiB). */
    public static final int MAX_ENTRY_BYTES = 8 << 20;
    /** The largest manifest, inflated, in bytes (1 MiB). */
    public static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** The most all entries together may inflate to, in bytes (64 MiB). */
    public static final long MAX_TOTAL_BYTES = 64L << 20;
    /** The highest ratio of an entry's inflated size to its compressed size, above {@link #RATIO_FROM} bytes. */
    public static final int MAX_RATIO = 100;
    /** The inflated size from which {@link #MAX_RATIO} applies (64 KiB): small entries compress as they like. */
    public static final int RATIO_FROM = 64 << 10;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    private JarLimits() {
    }

    /**
     * Checks a jar file against every limit: its size, its number of entries,
     * their names (no two alike), and what each inflates to, which is
     * measured, not taken from the size fields.
     *
     * @param path the jar
     * @param name the name its refusals start with
     * @return the manifest's bytes, or null when the jar has none
     * @throws PatchException the one-line reason, when a limit is passed
     * @throws IOException when the jar cannot be read (not a zip, truncated)
     */
    public static byte[] check(Path path, String name) throws PatchException, IOException {
        long size = Files.size(path);
        if (size > MAX_JAR_BYTES) {
            throw new PatchException(name + ": the jar is " + size + " bytes, more than a patch jar may be ("
                    + MAX_JAR_BYTES + ")");
        }
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw new PatchException(name + ": the jar has " + zip.size() + " entries, more than a patch jar may"
                        + " have (" + MAX_ENTRIES + ")");
            }
            Set<String> seen = new HashSet<>();
            long[] total = {0};
            byte[] manifest = null;
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                String why = badName(e.getName());
                if (why != null) {
                    throw new PatchException(name + ": entry " + quoted(e.getName()) + " " + why);
                }
                if (!seen.add(e.getName())) {
                    throw new PatchException(name + ": entry " + quoted(e.getName()) + " appears twice");
                }
                if (e.isDirectory()) {
                    continue;
                }
                byte[] bytes = read(name, zip, e, total);
                if (e.getName().equalsIgnoreCase(MANIFEST)) {
                    if (manifest != null) {
                        throw new PatchException(name + ": the jar has two manifests (the second is "
                                + quoted(e.getName()) + ")");
                    }
                    manifest = bytes;
                }
            }
            return manifest;
        }
    }

    /**
     * Reads one entry whole, counting: refused as soon as it inflates past its
     * limit ({@link #MAX_MANIFEST_BYTES} for the manifest, {@link #MAX_ENTRY_BYTES}
     * for any other), past {@link #MAX_RATIO} times its compressed size, or
     * past {@link #MAX_TOTAL_BYTES} with the entries read before it.
     *
     * @param total what the entries read so far inflated to; updated
     */
    static byte[] read(String name, ZipFile zip, ZipEntry e, long[] total) throws PatchException, IOException {
        int limit = e.getName().equalsIgnoreCase(MANIFEST) ? MAX_MANIFEST_BYTES : MAX_ENTRY_BYTES;
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            if (in == null) {
                throw new PatchException(name + ": entry " + quoted(e.getName()) + " cannot be read");
            }
            bytes = in.readNBytes(limit + 1);
        }
        String entry = name + ": entry " + quoted(e.getName());
        if (bytes.length > limit) {
            throw new PatchException(entry + " inflates to more than " + limit + " bytes (a zip bomb?)");
        }
        long compressed = e.getCompressedSize();
        if (bytes.length >= RATIO_FROM && compressed > 0 && bytes.length / compressed > MAX_RATIO) {
            throw new PatchException(entry + " inflates " + bytes.length / compressed + " times its compressed size,"
                    + " more than " + MAX_RATIO + " (a zip bomb?)");
        }
        total[0] += bytes.length;
        if (total[0] > MAX_TOTAL_BYTES) {
            throw new PatchException(name + ": the entries inflate to more than " + MAX_TOTAL_BYTES + " bytes");
        }
        return bytes;
    }

    /** Why an entry name is refused, or null. */
    static String badName(String n) {
        if (n.isEmpty()) {
            return "has an empty name";
        }
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) {
                return "has a control character in its name";
            }
        }
        if (n.startsWith("/") || n.indexOf('\\') >= 0 || (n.length() > 1 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0)))) {
            return "has an absolute or non-portable name";
        }
        for (String part : n.split("/", -1)) {
            if (part.equals("..")) {
                return "has '..' in its name";
            }
        }
        return null;
    }

    /** A name as refusals show it: quoted, at most 200 characters, control characters escaped. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(s.length() > 200 ? "...'" : "'").toString();
    }
}
