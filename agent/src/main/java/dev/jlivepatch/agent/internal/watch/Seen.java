package dev.jlivepatch.agent.internal.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One look at a file: where its name leads (a ConfigMap update changes that
 * and nothing else), which file that is, its size and modification time. Two
 * equal looks a poll apart mean nobody wrote the file in between.
 *
 * @param real the file the name resolves to
 * @param key the file system's identity of the file (device and inode), or null where it has none
 * @param size its size in bytes
 * @param modified its modification time, in milliseconds since the epoch
 */
record Seen(Path real, Object key, long size, long modified) {

    static Seen of(Path real) throws IOException {
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        return new Seen(real, a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
    }

    /** Milliseconds since the file was last written, as of {@code now}; negative for a time in the future. */
    long age(long now) {
        return now - modified;
    }
}
