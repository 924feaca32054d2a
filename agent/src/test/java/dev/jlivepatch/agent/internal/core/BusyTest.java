package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.Holder.HOLD;
import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static dev.jlivepatch.agent.internal.core.TestCore.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.coretest.app.Counter;
import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.counter.CounterFix;
import dev.jlivepatch.coretest.patches.hold.HoldFix;
import dev.jlivepatch.coretest.patches.v1.GreeterV1;
import dev.jlivepatch.coretest.patches.v2.GreeterV2;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One transition at a time: while a thread sits in a method a transition
 * affects, the transition runs on, and every other command that would start
 * one is refused with the reason; only the patch in transition can be turned
 * round.
 */
class BusyTest {
    private static final String HOLD_PATCHED = "Greeter patched [" + HOLD + "]";

    @TempDir
    Path dir;
    TestCore core;

    @BeforeEach
    void setUp() {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class, Counter.class);
    }

    @Test
    void commandsThatWouldStartAnotherTransitionAreRefusedWhileOneRuns() throws Exception {
        core.load("v1", GreeterV1.class);
        core.load("hold", HoldFix.class);
        core.load("counter", CounterFix.class);
        core.lp.disable("counter");
        Path v2 = core.jar("v2", GreeterV2.class);
        Journal.reset();
        try (Holder holder = new Holder()) {
            core.lp.disable("hold");
            assertEquals(TransitionState.UNPATCHING, core.patch("hold").transition(), "the holder keeps it running");
            List<Blocker> blockers = core.lp.blockers();
            assertEquals(1, blockers.size(), blockers::toString);
            assertEquals("holder", blockers.get(0).thread());
            assertTrue(blockers.get(0).frame().contains(Greeter.class.getName() + ".hold("), blockers::toString);
            List<String> before = core.describe();
            assertEquals(List.of(
                    "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                    "hold #2 enabled=false unpatching | " + HOLD_PATCHED,
                    "counter #3 enabled=false none | Counter unpatched [" + WORK + "]"), before);
            String running = "patch 'hold' is in its unpatching transition; wait for it to complete (status shows"
                    + " what blocks it), reverse it by enabling 'hold', or force it";

            assertEquals("patch 'v2' cannot be loaded now: " + running, refused(() -> core.lp.load(v2, false)));
            assertEquals("patch 'counter' cannot be enabled now: " + running, refused(() -> core.lp.enable("counter")));
            assertEquals("patch 'v1' cannot be disabled now: " + running, refused(() -> core.lp.disable("v1")));
            assertEquals("patch 'hold' is in its unpatching transition; wait for it to complete before removing it",
                    refused(() -> core.lp.remove("hold")));
            assertEquals(before, core.describe(), "a refused command changes nothing");
            assertEquals(List.of(), Journal.lines(), "no callback of a refused command ran");
            assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        }
        assertTrue(core.lp.awaitTransition(10_000), "the transition completes once the holder has left");
        assertEquals("hold #2 enabled=false none | Greeter unpatched [" + HOLD + "]", core.describe().get(1));
        assertEquals(List.of(), core.lp.blockers());
        core.lp.remove("hold");
        core.lp.enable("counter");
        core.lp.load(v2, false);
        assertEquals(List.of(
                "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                "counter #2 enabled=true none | Counter patched [" + WORK + "]",
                "v2 #3 enabled=true none | Greeter patched [" + GREET + "]"), core.describe());
    }

    /**
     * Turning a transition round, while the only thread that blocks it has
     * not switched: that thread is in the reversed transition's goal already,
     * so the reversal completes at once, whichever way it goes.
     */
    @Test
    void aTransitionTurnedRoundBeforeAnyThreadSwitchedCompletesAtOnce() throws Exception {
        try (Holder holder = new Holder()) {
            core.load("hold", HoldFix.class);
            assertEquals(List.of("hold #1 enabled=true patching | " + HOLD_PATCHED), core.describe());
            core.lp.disable("hold");
            assertEquals(List.of("hold #1 enabled=false none | Greeter unpatched [" + HOLD + "]"), core.describe());
            core.lp.enable("hold");
            assertEquals(List.of("hold #1 enabled=true patching | " + HOLD_PATCHED), core.describe());
        }
        assertTrue(core.lp.awaitTransition(10_000));
        core.lp.disable("hold");
        try (Holder holder = new Holder()) {
            core.lp.enable("hold");
            assertEquals(List.of("hold #1 enabled=true patching | " + HOLD_PATCHED), core.describe());
            core.lp.disable("hold");
            assertEquals(List.of("hold #1 enabled=false none | Greeter unpatched [" + HOLD + "]"), core.describe());
        }
        assertEquals("original", core.call(Greeter.class, HOLD, null, null));
        // Each of the three enables wove the stub, and each completed disable took it out again.
        assertEquals(Collections.nCopies(6, List.of(Greeter.class)), core.env.retransformed());
        core.lp.remove("hold");
        assertEquals(List.of(), core.describe());
    }

    @Test
    void aForcedPatchCanNeitherBeDisabledNorRemoved() throws Exception {
        core.load("v1", GreeterV1.class);
        assertEquals("patch 'v1' is not in a transition; there is nothing to force", refused(() -> core.lp.force("v1")));
        try (Holder holder = new Holder()) {
            core.load("hold", HoldFix.class);
            Path v2 = core.jar("v2", GreeterV2.class);
            assertTrue(refused(() -> core.lp.load(v2, false)).startsWith("patch 'v2' cannot be loaded now: patch 'hold'"
                    + " is in its patching transition"));
            core.lp.force("hold");
            assertEquals(List.of(
                    "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                    "hold #2 enabled=true none forced | " + HOLD_PATCHED), core.describe());
            assertEquals("patch 'hold' was forced and can no longer be disabled: threads may still run code of both"
                    + " versions", refused(() -> core.lp.disable("hold")));
            assertEquals("patch 'hold' was forced and can no longer be removed: threads may still run its code",
                    refused(() -> core.lp.remove("hold")));
            assertEquals("hold #2 enabled=true none forced | " + HOLD_PATCHED, core.describe().get(1));
        }
        assertTrue(core.lp.awaitTransition(0), "force completed the transition");
    }
}
