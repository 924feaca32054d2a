package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static dev.jlivepatch.agent.internal.core.TestCore.refused;
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

/**
 * The stack's rules (the kernel's before atomic replace): the enabled patches
 * are a bottom part of the stack, so a patch is enabled only over enabled
 * ones and disabled only under disabled ones; only a disabled patch is
 * removed. A refusal changes nothing and runs no callback.
 */
class StackRulesTest {
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
        core.load("v2", GreeterV2.class);
        Journal.reset();
    }

    @Test
    void aPatchUnderAnEnabledOneCannotBeDisabled() throws Exception {
        List<String> before = core.describe();
        assertEquals("patch 'counter' cannot be disabled while patch 'v2' above it on the stack is enabled; disable"
                + " that one first", refused(() -> core.lp.disable("counter")));
        assertEquals("patch 'v1' cannot be disabled while patch 'counter' above it on the stack is enabled; disable"
                + " that one first", refused(() -> core.lp.disable("v1")));
        assertEquals(before, core.describe());
        assertEquals(List.of(), Journal.lines());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals(1007, core.call(Counter.class, WORK, 7));
    }

    @Test
    void aPatchAboveADisabledOneCannotBeEnabled() throws Exception {
        core.lp.disable("v2");
        core.lp.disable("counter");
        core.lp.disable("v1");
        Journal.reset();
        List<String> before = core.describe();
        assertEquals("patch 'v2' cannot be enabled while patch 'v1' below it on the stack is disabled; enable that"
                + " one first", refused(() -> core.lp.enable("v2")));
        assertEquals("patch 'counter' cannot be enabled while patch 'v1' below it on the stack is disabled; enable"
                + " that one first", refused(() -> core.lp.enable("counter")));
        assertEquals(before, core.describe());
        assertEquals(List.of(), Journal.lines());
        assertEquals("original", core.call(Greeter.class, GREET, "bob"));

        core.lp.enable("v1");
        assertEquals("patch 'v2' cannot be enabled while patch 'counter' below it on the stack is disabled; enable"
                + " that one first", refused(() -> core.lp.enable("v2")));
        core.lp.enable("counter");
        core.lp.enable("v2");
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
    }

    @Test
    void onlyADisabledPatchIsRemoved() throws Exception {
        assertEquals("patch 'v2' is enabled; disable it before removing it", refused(() -> core.lp.remove("v2")));
        assertEquals(3, core.lp.patches().size());
        core.lp.disable("v2");
        core.lp.remove("v2");
        assertEquals(List.of("v1", "counter"), core.lp.patches().stream().map(LoadedPatch::id).toList());
    }

    @Test
    void commandsOnAPatchInTheWrongStateOrUnknown() throws Exception {
        List<String> before = core.describe();
        assertEquals("patch 'v2' is already enabled", refused(() -> core.lp.enable("v2")));
        assertEquals("no patch 'v3' is loaded", refused(() -> core.lp.enable("v3")));
        assertEquals("no patch 'v3' is loaded", refused(() -> core.lp.disable("v3")));
        assertEquals("no patch 'v3' is loaded", refused(() -> core.lp.remove("v3")));
        assertEquals("no patch 'v3' is loaded", refused(() -> core.lp.force("v3")));
        core.lp.disable("v2");
        assertEquals("patch 'v2' is not enabled", refused(() -> core.lp.disable("v2")));
        assertEquals(List.of(before.get(0), before.get(1), "v2 #3 enabled=false none | Greeter unpatched [" + GREET
                + "]"), core.describe());
        assertEquals(List.of("pre_unpatch v2 Greeter", "post_unpatch v2 Greeter"), Journal.lines());
    }
}
