package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.coretest.app.Counter;
import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.counter.CounterFix;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target class that loads while its patch is being enabled (the kernel's
 * module coming during klp_enable_patch): its load prepares the patch's
 * binding, and the patch applies to it once, whether the class initialises
 * before the enable looks for its targets or after.
 */
class LoadingDuringEnableTest {
    private static final String COUNTER_PATCHED = "counter #1 enabled=true none | Counter patched [" + WORK + "]";
    private static final String COUNTER_UNPATCHED = "counter #1 enabled=false none | Counter unpatched [" + WORK + "]";

    @TempDir
    Path dir;
    TestCore core;
    Plugin plugin;
    Class<?> counter;

    @BeforeEach
    void setUp() {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class);
        plugin = new Plugin("plugin", core.env.transformers().get(0));
    }

    /** As the enable lists the loaded classes, Counter is defined in the plugin loader and maybe initialised. */
    private void loadsDuringTheEnable(boolean initialise) {
        core.env.beforeListing(() -> {
            try {
                counter = plugin.define(Counter.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            core.env.load(counter);
            if (initialise) {
                core.lp.linker().classInit(counter);
            }
        });
    }

    @Test
    void initialisedBeforeTheEnableLooksForItsTargets() throws Exception {
        loadsDuringTheEnable(true);
        core.load("counter", CounterFix.class);
        assertEquals(List.of(COUNTER_PATCHED), core.describe());
        assertEquals(1007, core.call(counter, WORK, 7));
        assertEquals(List.of("pre_patch counter Counter", "post_patch counter Counter"), Journal.lines());

        core.lp.disable("counter");
        assertEquals(List.of(COUNTER_UNPATCHED), core.describe());
        assertEquals("original", core.call(counter, WORK, 7));
        assertEquals(List.of("pre_patch counter Counter", "post_patch counter Counter", "pre_unpatch counter Counter",
                "post_unpatch counter Counter"), Journal.lines());
    }

    @Test
    void initialisedAfterTheEnable() throws Exception {
        loadsDuringTheEnable(false);
        core.load("counter", CounterFix.class);
        assertEquals(List.of("pre_patch counter Counter"), Journal.lines());
        core.lp.linker().classInit(counter);
        assertEquals(List.of(COUNTER_PATCHED), core.describe());
        assertEquals(1007, core.call(counter, WORK, 7));
        assertEquals(List.of("pre_patch counter Counter", "post_patch counter Counter"), Journal.lines());

        core.lp.disable("counter");
        assertEquals(List.of(COUNTER_UNPATCHED), core.describe());
        assertEquals("original", core.call(counter, WORK, 7));
    }
}
