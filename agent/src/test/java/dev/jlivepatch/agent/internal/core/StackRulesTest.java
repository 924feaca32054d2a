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
 * The stack's rules, today's kernel's (since atomic replace): any patch can be
 * disabled or enabled wherever it is on the stack, and each method runs the
 * top enabled entry of its func stack; only a disabled patch is removed.
 * A refusal changes nothing and runs no callback.
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
    void aPatchUnderAnEnabledOneCanBeDisabled() throws Exception {
        core.lp.disable("counter");
        assertEquals(List.of("pre_unpatch counter Counter", "post_unpatch counter Counter"), Journal.lines());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7));

        Journal.reset();
        core.lp.disable("v1"); // v2 above it replaces the same method: nothing that runs changes
        assertEquals(List.of("pre_unpatch v1 Greeter", "post_unpatch v1 Greeter"), Journal.lines());
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.disable("v2");
        assertEquals("original", core.call(Greeter.class, GREET, "bob"));
        assertEquals(List.of("v1 #1 enabled=false none | Greeter unpatched [" + GREET + "]",
                "counter #2 enabled=false none | Counter unpatched [" + WORK + "]",
                "v2 #3 enabled=false none | Greeter unpatched [" + GREET + "]"), core.describe());
    }

    @Test
    void aPatchAboveOrBelowADisabledOneCanBeEnabled() throws Exception {
        core.lp.disable("v2");
        core.lp.disable("counter");
        core.lp.disable("v1");
        core.lp.enable("v2");
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.enable("v1"); // below v2: v2 stays on top of greet's func stack
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
        core.lp.disable("v2");
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7));
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
