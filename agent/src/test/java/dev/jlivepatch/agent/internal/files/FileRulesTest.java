package dev.jlivepatch.agent.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The ownership and mode rule, apart from any file system. */
class FileRulesTest {
    private static final int JVM = 1000;

    @Test
    void acceptsWhatOnlyItsOwnerCanWrite() {
        assertNull(FileRules.verdict("/p", JVM, 040755, JVM, false, () -> false));
        assertNull(FileRules.verdict("/p/a.jar", JVM, 0100600, JVM, false, () -> false));
        assertNull(FileRules.verdict("/p", 0, 040755, JVM, false, () -> false), "root may own it");
    }

    @Test
    void refusesAnotherOwner() {
        assertEquals("/p is owned by uid 1001, not by this JVM's user (uid 1000) or root",
                FileRules.verdict("/p", 1001, 040700, JVM, false, () -> true));
    }

    @Test
    void refusesGroupAndOtherWrite() {
        assertEquals("/p is writable by its group (mode 0775); only its owner may write it",
                FileRules.verdict("/p", JVM, 040775, JVM, false, () -> false));
        assertEquals("/p/a.jar is writable by other users (mode 0646); only its owner may write it",
                FileRules.verdict("/p/a.jar", JVM, 0100646, JVM, false, () -> false));
        assertEquals("/p is writable by its group and other users (mode 0777); only its owner may write it",
                FileRules.verdict("/p", JVM, 040777, JVM, false, () -> false));
    }

    @Test
    void theStickyBitIsEnoughAboveTheDirectoryOnly() {
        assertNull(FileRules.verdict("/tmp", 0, 041777, JVM, true, () -> false));
        assertEquals("/p is writable by its group and other users (mode 1777); only its owner may write it",
                FileRules.verdict("/p", JVM, 041777, JVM, false, () -> false));
    }

    @Test
    void aReadOnlyMountIsWritableByNobody() {
        // A root-owned volume mounted read-only (a ConfigMap's), whatever its mode says.
        assertNull(FileRules.verdict("/patches", 0, 042777, JVM, false, () -> true));
    }
}
