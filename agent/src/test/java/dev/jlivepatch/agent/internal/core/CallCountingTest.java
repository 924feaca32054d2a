package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.Holder.HOLD;
import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.hold.HoldFix;
import dev.jlivepatch.coretest.patches.v1.GreeterV1;
import dev.jlivepatch.coretest.patches.v2.GreeterV2;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counting the calls of every replacement on demand: the stubs run counting
 * bridges only while a window is open, and the plain ones (the very same
 * objects) before and after; counts stay with each replacement and go on
 * where they stopped; a window closes by itself; counting can be switched on
 * and off while a transition runs, which then completes as usual.
 */
class CallCountingTest {
    @TempDir
    Path dir;
    TestCore core;

    @BeforeEach
    void setUp() {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class);
    }

    private Object top(String key) {
        return core.lp.linker().site(Greeter.class, key).select();
    }

    private List<String> counts() {
        List<String> out = new ArrayList<>();
        for (CallCounts.Count c : core.lp.calls().read().counts()) {
            out.add(c.patchId() + " " + c.className().substring(c.className().lastIndexOf('.') + 1) + "."
                    + c.method().substring(0, c.method().indexOf('(')) + "=" + c.calls());
        }
        return out;
    }

    @Test
    void countsOnlyWhileAskedAndGoesBackToThePlainBridges() throws Exception {
        core.load("v1", GreeterV1.class);
        Object plainV1 = top(GREET);
        core.load("v2", GreeterV2.class);
        Object plain = top(GREET);
        assertEquals(List.of("v1 Greeter.greet=0", "v2 Greeter.greet=0"), counts());
        assertFalse(core.lp.calls().read().counting());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));

        core.lp.calls().start(60_000);
        CallCounts on = core.lp.calls().read();
        assertTrue(on.counting());
        assertTrue(on.until() >= on.since() + 60_000, on::toString);
        assertNotSame(plain, top(GREET), "the stub runs a counting bridge");
        for (int i = 0; i < 3; i++) {
            assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        }
        assertEquals(List.of("v1 Greeter.greet=0", "v2 Greeter.greet=3"), counts());

        // A new top while counting: it counts too.
        core.lp.disable("v2");
        assertEquals("v1 ann", core.call(Greeter.class, GREET, "ann"));
        assertEquals(List.of("v1 Greeter.greet=1"), counts(), "a disabled patch's replacements leave the counts");

        core.lp.calls().stop();
        assertFalse(core.lp.calls().read().counting());
        assertEquals("v1 ann", core.call(Greeter.class, GREET, "ann"));
        assertEquals(List.of("v1 Greeter.greet=1"), counts(), "nothing counts once stopped");
        assertSame(plainV1, top(GREET), "the plain bridge again, as before counting");

        core.lp.enable("v2");
        core.lp.calls().start(60_000);
        core.call(Greeter.class, GREET, "x");
        core.lp.disable("v2");
        core.call(Greeter.class, GREET, "x");
        assertEquals(List.of("v1 Greeter.greet=2"), counts(), "v1's count goes on where it stopped");
        core.lp.calls().stop();
    }

    @Test
    void aWindowClosesByItself() throws Exception {
        core.load("v1", GreeterV1.class);
        Object plain = top(GREET);
        core.lp.calls().start(150);
        core.lp.calls().start(50); // a shorter window asked meanwhile does not cut the longer one
        assertTrue(core.lp.calls().read().counting());
        long deadline = System.currentTimeMillis() + 10_000;
        while (core.lp.calls().read().counting() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        CallCounts off = core.lp.calls().read();
        assertFalse(off.counting(), off::toString);
        assertEquals(0, off.until());
        assertSame(plain, top(GREET));
        assertThrows(IllegalArgumentException.class, () -> core.lp.calls().start(0));
    }

    @Test
    void countingCanChangeWhileATransitionRuns() throws Exception {
        core.load("v1", GreeterV1.class);
        try (Holder holder = new Holder()) {
            core.lp.load(core.jar("hold", HoldFix.class), false);
            assertEquals(TransitionState.PATCHING, core.patch("hold").transition(), "the holder keeps it running");
            core.lp.calls().start(60_000);
            assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
            assertEquals(List.of("v1 Greeter.greet=1", "hold Greeter.hold=0"), counts());
            core.lp.calls().stop();
            assertEquals(TransitionState.PATCHING, core.patch("hold").transition());
            core.lp.calls().start(60_000);
        }
        assertTrue(core.lp.awaitTransition(10_000), "the transition completes once the holder has left");
        assertEquals(List.of("v1 Greeter.greet=1", "hold Greeter.hold=0"), counts());
        core.lp.calls().stop();
        Object hold = top(HOLD);
        assertSame(hold, top(HOLD), "steady again: one bridge for every thread");
    }
}
