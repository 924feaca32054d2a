package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The target-version check that runs before the agent is loaded; no JDK older
 * than 17 is installed to try it on, so its logic is tested here.
 */
class JavaVersionTest {

    @Test
    void readsBothVersionSchemes() {
        assertEquals(8, JavaVersion.feature("1.8"));
        assertEquals(6, JavaVersion.feature("1.6"));
        assertEquals(11, JavaVersion.feature("11"));
        assertEquals(17, JavaVersion.feature("17"));
        assertEquals(25, JavaVersion.feature("25"));
        assertEquals(26, JavaVersion.feature("26.0.1"));
        assertEquals(-1, JavaVersion.feature(null));
        assertEquals(-1, JavaVersion.feature("banana"));
        assertEquals(-1, JavaVersion.feature(""));
    }

    @Test
    void refusesJvmsOlderThan17WithTheReason() {
        assertEquals("JVM 7 runs Java 8, and jlivepatch needs Java 17 or newer in the target JVM: it cannot patch"
                + " this one (move the application to Java 17+)", JavaVersion.refusal(7, "1.8"));
        assertEquals("JVM 7 runs Java 11, and jlivepatch needs Java 17 or newer in the target JVM: it cannot patch"
                + " this one (move the application to Java 17+)", JavaVersion.refusal(7, "11"));
        assertEquals("JVM 7 runs Java 16, and jlivepatch needs Java 17 or newer in the target JVM: it cannot patch"
                + " this one (move the application to Java 17+)", JavaVersion.refusal(7, "16"));
        assertEquals("JVM 7 reports no Java version jlivepatch understands (java.specification.version=null);"
                + " jlivepatch needs Java 17 or newer", JavaVersion.refusal(7, null));
    }

    @Test
    void accepts17AndNewer() {
        assertNull(JavaVersion.refusal(7, "17"));
        assertNull(JavaVersion.refusal(7, "21"));
        assertNull(JavaVersion.refusal(7, "25"));
    }
}
