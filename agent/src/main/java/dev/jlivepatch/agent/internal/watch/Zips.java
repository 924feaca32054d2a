package dev.jlivepatch.agent.internal.watch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Whether a file is a whole zip yet: its central directory, written last, can be read. */
final class Zips {
    /** How long a file that is not a whole zip is waited for before it is read (and refused) anyway. */
    static final long QUIET_MS = 5_000;

    private Zips() {
    }

    static boolean complete(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
