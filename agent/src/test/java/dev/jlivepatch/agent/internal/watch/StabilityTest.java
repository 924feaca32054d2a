package dev.jlivepatch.agent.internal.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The file-stability rule. */
class StabilityTest {
    private static final long NOW = 1_000_000_000L;
    private static final Path REAL = Path.of("/p/a.jar");

    @Test
    void aFreshFileIsStableOnlyWhenTheNextLookFindsItUnchanged() {
        Stability s = new Stability();
        assertFalse(s.stable("a.jar", new Seen(REAL, 1, 100, NOW - 10), NOW));
        assertFalse(s.stable("a.jar", new Seen(REAL, 1, 200, NOW + 490), NOW + 500), "still growing");
        assertFalse(s.stable("a.jar", new Seen(REAL, 1, 200, NOW + 900), NOW + 1000), "written again");
        assertTrue(s.stable("a.jar", new Seen(REAL, 1, 200, NOW + 900), NOW + 1500));
    }

    @Test
    void anotherFileUnderTheSameNameStartsAgain() {
        Stability s = new Stability();
        s.stable("a.jar", new Seen(REAL, 1, 100, NOW), NOW);
        assertFalse(s.stable("a.jar", new Seen(REAL, 2, 100, NOW), NOW + 500), "replaced by another file");
        assertFalse(s.stable("a.jar", new Seen(Path.of("/p/..2/a.jar"), 2, 100, NOW), NOW + 1000),
                "its link now leads elsewhere");
    }

    @Test
    void aFileLastWrittenLongAgoIsStableAtOnce() {
        Stability s = new Stability();
        assertTrue(s.stable("a.jar", new Seen(REAL, 1, 100, NOW - Stability.SETTLED_MS), NOW));
    }

    @Test
    void forgetsNamesThatWent() {
        Stability s = new Stability();
        s.stable("a.jar", new Seen(REAL, 1, 100, NOW), NOW);
        s.retain(Set.of());
        assertFalse(s.stable("a.jar", new Seen(REAL, 1, 100, NOW), NOW + 500), "seen for the first time again");
    }
}
