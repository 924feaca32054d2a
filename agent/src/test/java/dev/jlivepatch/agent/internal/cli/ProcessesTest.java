package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading /proc/PID/status before attaching, and refusing this command's own JVM. */
class ProcessesTest {

    @Test
    void readsTheEffectiveUidAndWhetherSigquitIsCaught() {
        List<String> jvm = List.of("Name:\tjava", "Uid:\t1000\t1001\t1001\t1001", "SigCgt:\t2000000181005ccf");
        assertEquals(1001, Processes.uid(jvm));
        assertTrue(Processes.catchesSigquit(jvm));
        List<String> shell = List.of("Uid:\t0\t0\t0\t0", "SigCgt:\t0000000000010000");
        assertEquals(0, Processes.uid(shell));
        assertFalse(Processes.catchesSigquit(shell));
        assertEquals(-1, Processes.uid(List.of("Name:\tx")));
        assertTrue(Processes.catchesSigquit(List.of()), "unknown: let the attach itself tell");
    }

    @Test
    void refusesItsOwnJvm() {
        long self = ProcessHandle.current().pid();
        Failure f = assertThrows(Failure.class, () -> Processes.check(self));
        assertEquals("pid " + self + " is this command's own JVM, not the application's: give the pid of the JVM to"
                + " patch (see 'java -jar jlivepatch.jar jvms')", f.getMessage());
        assertEquals(Failure.FAILED, f.status());
    }
}
