package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static dev.jlivepatch.agent.internal.core.TestCore.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jlivepatch.coretest.app.Counter;
import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.counter.CounterFix;
import dev.jlivepatch.coretest.patches.v1.GreeterV1;
import dev.jlivepatch.coretest.patches.v2.GreeterV2;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic replace and upgrades: a replace patch leaves exactly itself on the
 * stack, methods only the replaced patches changed run their original code
 * again (a NOP during the transition, no stub after it), and only the new
 * patch's callbacks run (the kernel's TEST11). A new version of a loaded id
 * takes the old one's place; the same content again changes nothing.
 */
class ReplaceTest {
    @TempDir
    Path dir;
    TestCore core;

    @BeforeEach
    void setUp() throws Exception {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class, Counter.class);
        core.load("v1", GreeterV1.class);
        core.load("counter", CounterFix.class);
        Journal.reset();
    }

    @Test
    void aReplacePatchLeavesOnlyItself() throws Exception {
        int weaves = core.env.retransformed().size();
        core.lp.load(core.jar("all", List.of("Livepatch-Replace: true"), GreeterV2.class), false);
        assertEquals(List.of("pre_patch all Greeter", "post_patch all Greeter"), Journal.lines(),
                "only the new patch's callbacks run");
        assertEquals(List.of("all #1 enabled=true none | Greeter patched [" + GREET + "]"), core.describe());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7), "the NOP ran the original, and is gone");
        List<List<Class<?>>> woven = core.env.retransformed();
        assertEquals(List.of(List.of(Counter.class)), woven.subList(weaves, woven.size()),
                "one retransformation: the class no patch touches any more gets its original bytes back");
    }

    @Test
    void aReplacePatchMustCarryTheStatesOfThoseItReplaces() throws Exception {
        core.lp.load(core.jar("st", List.of("Livepatch-States: 7:2"), CounterFix.class), false);
        List<String> before = core.describe();
        Journal.reset();
        assertEquals("patch 'all' is not compatible with the already installed patches: it does not carry state 7"
                + " (version 2) of patch 'st', which it replaces", refused(() -> core.lp.load(core.jar("all",
                List.of("Livepatch-Replace: true", "Livepatch-States: 8:1"), GreeterV2.class), false)));
        assertEquals("patch 'all' is not compatible with the already installed patches: it declares state 7 version"
                + " 1, older than version 2 of enabled patch 'st'", refused(() -> core.lp.load(core.jar("all",
                List.of("Livepatch-Replace: true", "Livepatch-States: 7:1"), GreeterV2.class), false)));
        assertEquals(before, core.describe());
        assertEquals(List.of(), Journal.lines());
        core.lp.load(core.jar("all", List.of("Livepatch-Replace: true", "Livepatch-States: 7:3"),
                GreeterV2.class), false);
        assertEquals(List.of("all #1 enabled=true none | Greeter patched [" + GREET + "]"), core.describe());
    }

    @Test
    void aNewVersionTakesTheOldOnesPlace() throws Exception {
        core.lp.load(core.jar("v1", GreeterV2.class, CounterFix.class), false);
        assertEquals(List.of("pre_patch v1 Greeter", "pre_patch v1 Counter", "post_patch v1 Greeter",
                "post_patch v1 Counter"), Journal.lines(), "the new version's callbacks, none of the old one's");
        assertEquals(List.of("v1 #1 enabled=true none | Greeter patched [" + GREET + "] | Counter patched [" + WORK
                + "]", "counter #2 enabled=true none | Counter patched [" + WORK + "]"), core.describe());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));

        Journal.reset();
        core.lp.load(core.jar("v1", GreeterV1.class), false); // counter, above it, keeps work(); greet is v1's again
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals(1007, core.call(Counter.class, WORK, 7));
        core.lp.disable("counter");
        assertEquals("original", core.call(Counter.class, WORK, 7), "only the old version touched it: below is the"
                + " original");
    }

    @Test
    void theSameContentAgainChangesNothing() throws Exception {
        Path v1 = core.jar("v1", GreeterV1.class);
        LoadedPatch before = core.patch("v1");
        List<String> described = core.describe();
        assertSame(before, core.lp.load(v1, false));
        assertEquals(described, core.describe());
        assertEquals(List.of(), Journal.lines());
    }

    /**
     * A new version of a loaded id that is itself an atomic replace
     * ({@code Livepatch-Replace: true}) replaces every enabled patch, not only
     * its old version: it is cumulative. Would catch an upgrade that leaves
     * the other patches applied under a cumulative patch.
     */
    @Test
    void aNewVersionThatIsAReplacePatchReplacesEveryEnabledPatch() throws Exception {
        core.lp.load(core.jar("v1", List.of("Livepatch-Replace: true"), GreeterV2.class), false);
        assertEquals(List.of("pre_patch v1 Greeter", "post_patch v1 Greeter"), Journal.lines(),
                "only the new version's callbacks run");
        assertEquals(List.of("v1 #1 enabled=true none | Greeter patched [" + GREET + "]"), core.describe());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7), "counter's change is replaced too");
    }
}
