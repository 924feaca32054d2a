package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The stack of patches: listed bottom first, numbered from 1, the newest enabled one on top of each func stack. */
class StackOrderTest {
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
    void patchesAreListedBottomFirstAndTheOrderClosesUpAfterRemove() throws Exception {
        core.load("v1", GreeterV1.class);
        core.load("counter", CounterFix.class);
        core.load("v2", GreeterV2.class);
        assertEquals(List.of(
                "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                "counter #2 enabled=true none | Counter patched [" + WORK + "]",
                "v2 #3 enabled=true none | Greeter patched [" + GREET + "]"), core.describe());

        core.lp.disable("v2");
        core.lp.disable("counter");
        LoadedPatch counter = core.patch("counter");
        core.lp.remove("counter");
        assertEquals(0, core.lp.stackOrder(counter));
        assertEquals(List.of(
                "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                "v2 #2 enabled=false none | Greeter unpatched [" + GREET + "]"), core.describe());

        // Loaded again, it goes on top, after the patches that stayed.
        core.lp.enable("v2");
        core.load("counter", CounterFix.class);
        assertEquals(List.of(
                "v1 #1 enabled=true none | Greeter patched [" + GREET + "]",
                "v2 #2 enabled=true none | Greeter patched [" + GREET + "]",
                "counter #3 enabled=true none | Counter patched [" + WORK + "]"), core.describe());
    }

    @Test
    void theNewestEnabledPatchRunsAndTheOneBelowItOnceItIsDisabled() throws Exception {
        assertEquals("original", core.call(Greeter.class, GREET, "bob"));
        core.load("v1", GreeterV1.class);
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        core.load("v2", GreeterV2.class);
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.disable("v2");
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.enable("v2");
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.disable("v2");
        core.lp.disable("v1");
        assertEquals("original", core.call(Greeter.class, GREET, "bob"));
        // One weave when greet first needed a stub, one when no patch needed it any more; none in between.
        assertEquals(List.of(List.of(Greeter.class), List.of(Greeter.class)), core.env.retransformed());
        assertEquals(List.of(
                "pre_patch v1 Greeter", "post_patch v1 Greeter",
                "pre_patch v2 Greeter", "post_patch v2 Greeter",
                "pre_unpatch v2 Greeter", "post_unpatch v2 Greeter",
                "pre_patch v2 Greeter", "post_patch v2 Greeter",
                "pre_unpatch v2 Greeter", "post_unpatch v2 Greeter",
                "pre_unpatch v1 Greeter", "post_unpatch v1 Greeter"), Journal.lines());
    }

    @Test
    void aPatchOnAnotherTargetLeavesTheFuncStackAlone() throws Exception {
        core.load("v1", GreeterV1.class);
        core.load("counter", CounterFix.class);
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals(1007, core.call(Counter.class, WORK, 7));
        core.lp.disable("counter");
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7));
        assertEquals(1, core.env.transformers().size(), "the core registers one transformer");
    }
}
