package dev.jlivepatch.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the agent options string. */
class OptionsTest {

    @Test
    void readsPatchesDirectoriesAndTrust() {
        Options o = Options.parse("patch=/a.jar, dir=/patches,patch=/b.jar,trust=/k.p12,trustpass=s3cret,dir=/more");
        assertEquals(List.of("/a.jar", "/b.jar"), o.patches());
        assertEquals(List.of("/patches", "/more"), o.dirs());
        assertEquals("/k.p12", o.trust());
        assertEquals("s3cret", o.trustPassword());
        assertEquals(List.of(), o.unknown());
    }

    @Test
    void keepsUnknownAndEmptyOptionsForTheWarning() {
        Options o = Options.parse("dir=,bogus=1,verbose");
        assertEquals(List.of("dir=", "bogus=1", "verbose"), o.unknown());
        assertEquals(List.of(), o.dirs());
        assertNull(o.trust());
    }

    @Test
    void readsTheTransitionTimeoutInWholeSeconds() {
        assertEquals(30, Options.parse("transition-timeout=30").transitionTimeoutSeconds());
        assertEquals(0, Options.parse("patch=/a.jar").transitionTimeoutSeconds());
        Options bad = Options.parse("transition-timeout=soon");
        assertEquals(0, bad.transitionTimeoutSeconds());
        assertEquals(List.of("transition-timeout=soon"), bad.unknown());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(Options.parse("trust=/k.p12,trustpass=s3cret").toString().contains("s3cret"));
    }
}
