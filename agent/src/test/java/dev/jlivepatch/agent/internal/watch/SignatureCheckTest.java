package dev.jlivepatch.agent.internal.watch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which entries a signature does not cover; the signing itself is tested in the selftests. */
class SignatureCheckTest {

    @Test
    void signatureFilesAreTheOnlyUnsignedEntries() {
        for (String name : new String[] {"META-INF/MANIFEST.MF", "META-INF/GOOD.SF", "META-INF/GOOD.EC",
            "META-INF/GOOD.RSA", "meta-inf/good.dsa", "META-INF/SIG-X"}) {
            assertTrue(SignatureCheck.signatureFile(name), name);
        }
        for (String name : new String[] {"META-INF/maven/pom.xml", "META-INF/sub/GOOD.SF", "META-INF/NOTICE",
            "dev/x/A.class", "GOOD.SF"}) {
            assertFalse(SignatureCheck.signatureFile(name), name);
        }
    }
}
