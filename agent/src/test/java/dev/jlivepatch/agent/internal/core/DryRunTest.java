package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.Holder.HOLD;
import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.hold.HoldFix;
import dev.jlivepatch.coretest.patches.missing.MissingMethod;
import dev.jlivepatch.coretest.patches.nowhere.Nowhere;
import dev.jlivepatch.coretest.patches.v1.GreeterV1;
import dev.jlivepatch.coretest.patches.v2.GreeterV2;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load --dry-run} in the core: the same checks as a load, reported
 * with their outcome, the same refusal where a load refuses, the threads that
 * would block the transition now, and no change: the registry, the func
 * stacks, retransformations and callbacks are as before.
 */
class DryRunTest {
    @TempDir
    Path dir;
    TestCore core;

    @BeforeEach
    void setUp() {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class);
    }

    private static List<String> checks(DryRunReport r) {
        return r.checks().stream().map(c -> c.name() + (c.passed() ? " passed" : " failed")).toList();
    }

    @Test
    void reportsWhatALoadWouldDoAndChangesNothing() throws Exception {
        core.load("v1", GreeterV1.class);
        Object top = core.lp.linker().site(Greeter.class, GREET).select();
        List<String> before = core.describe();
        int retransforms = core.env.retransformed().size();
        Journal.reset();

        DryRunReport r = core.lp.dryRun(core.jar("v2", GreeterV2.class), false);
        assertEquals("v2", r.id());
        assertEquals(List.of("jar passed", "transition passed", "states passed", "targets passed"), checks(r));
        assertNull(r.refusal());
        assertEquals(List.of(new DryRunReport.Target(Greeter.class.getName(), true, Greeter.class.getClassLoader(),
                List.of(GREET))), r.targets());
        assertEquals(List.of(), r.replaces());
        assertEquals(List.of(), r.blockers());
        assertTrue(r.notes().contains("not run: pre-patch callback " + GreeterV2.class.getName() + ".prePatch (a load"
                + " runs it for each target class, and it may refuse the patch)"), r.notes()::toString);

        assertEquals(before, core.describe(), "the registry is as before");
        assertEquals(retransforms, core.env.retransformed().size(), "nothing was retransformed");
        assertEquals(List.of(), Journal.lines(), "no callback ran");
        assertEquals(top, core.lp.linker().site(Greeter.class, GREET).select(), "the func stack is as before");
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));

        // The same jar loaded for real does what the dry run said.
        core.load("v2", GreeterV2.class);
        assertEquals("v2 bob", core.call(Greeter.class, GREET, "bob"));
    }

    @Test
    void aRefusalIsTheOneALoadGives() throws Exception {
        Path missing = core.jar("missing", MissingMethod.class);
        DryRunReport r = core.lp.dryRun(missing, false);
        assertEquals(List.of("jar passed", "transition passed", "states passed", "targets failed"), checks(r));
        assertEquals(refused(() -> core.lp.load(missing, false)), r.refusal());

        Path nowhere = core.jar("nowhere", Nowhere.class);
        assertEquals(refused(() -> core.lp.load(nowhere, false)), core.lp.dryRun(nowhere, false).refusal());
        DryRunReport deferred = core.lp.dryRun(nowhere, true);
        assertNull(deferred.refusal(), deferred::toString);
        assertEquals(List.of("'nowhere': no class loader of this JVM can find class dev.jlivepatch.coretest.app.Nowhere"
                + " yet; it is patched when it loads"), deferred.notes());

        DryRunReport unreadable = core.lp.dryRun(dir.resolve("absent.jar"), false);
        assertNull(unreadable.id());
        assertEquals(List.of("jar failed"), checks(unreadable));
        assertEquals(refused(() -> core.lp.load(dir.resolve("absent.jar"), false)), unreadable.refusal());
        assertEquals(List.of(), core.describe());
    }

    @Test
    void threadsThatWouldBlockAndARunningTransition() throws Exception {
        core.load("v1", GreeterV1.class);
        try (Holder holder = new Holder()) {
            DryRunReport r = core.lp.dryRun(core.jar("hold", HoldFix.class), false);
            assertNull(r.refusal(), r::toString);
            List<Blocker> blockers = r.blockers();
            assertEquals(1, blockers.size(), blockers::toString);
            assertEquals("holder", blockers.get(0).thread());
            assertEquals(holder.thread.getId(), blockers.get(0).id());
            assertTrue(blockers.get(0).frame().contains(Greeter.class.getName() + ".hold("), blockers::toString);
            assertEquals(List.of(new DryRunReport.Target(Greeter.class.getName(), true, Greeter.class.getClassLoader(),
                    List.of(HOLD))), r.targets());

            // While a transition runs, the dry run says a load would be refused, and why.
            core.lp.load(core.jar("hold", HoldFix.class), false);
            Path v2 = core.jar("v2", GreeterV2.class);
            DryRunReport busy = core.lp.dryRun(v2, false);
            assertEquals(List.of("jar passed", "transition failed", "states passed", "targets passed"), checks(busy));
            assertEquals(refused(() -> core.lp.load(v2, false)), busy.refusal());
            assertEquals(List.of(), busy.blockers(), "v2 replaces greet, which no thread runs");
        }
        assertTrue(core.lp.awaitTransition(10_000));
    }
}
