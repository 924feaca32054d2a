package dev.jlivepatch.agent.internal.core;

import static dev.jlivepatch.agent.internal.core.TestCore.GREET;
import static dev.jlivepatch.agent.internal.core.TestCore.WORK;
import static dev.jlivepatch.agent.internal.core.TestCore.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.coretest.app.Counter;
import dev.jlivepatch.coretest.app.Greeter;
import dev.jlivepatch.coretest.journal.Journal;
import dev.jlivepatch.coretest.patches.counter.CounterFix;
import dev.jlivepatch.coretest.patches.missing.MissingMethod;
import dev.jlivepatch.coretest.patches.nowhere.Nowhere;
import dev.jlivepatch.coretest.patches.v1.GreeterV1;
import dev.jlivepatch.coretest.patches.v2.GreeterV2;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patch is all or nothing: each refusal leaves the registry, the targets
 * and the func stacks as they were, weaves nothing, and undoes the
 * callbacks that ran. Every test starts with patch {@code v1} enabled on
 * {@code Greeter}, and checks after its refusal that nothing changed.
 */
class RefusalTest {
    private static final List<String> V1_ONLY = List.of("v1 #1 enabled=true none | Greeter patched [" + GREET + "]");

    @TempDir
    Path dir;
    TestCore core;
    /** The weaves expected at the end: v1's, and those a test made after its refusal. */
    List<List<Class<?>>> weaves = List.of(List.of(Greeter.class));

    @BeforeEach
    void setUp() throws Exception {
        Journal.reset();
        core = new TestCore(dir);
        core.env.load(Greeter.class, Counter.class);
        core.load("v1", GreeterV1.class);
        assertEquals(V1_ONLY, core.describe());
        Journal.reset();
    }

    @AfterEach
    void nothingChanged() throws Exception {
        assertEquals(V1_ONLY, core.describe());
        assertEquals("v1 bob", core.call(Greeter.class, GREET, "bob"));
        assertEquals("original", core.call(Counter.class, WORK, 7));
        assertEquals(weaves, core.env.retransformed());
    }

    @Test
    void aMissingTargetMethodOfALoadedClass() throws Exception {
        Path jar = core.jar("missing", MissingMethod.class);
        assertEquals("patch 'missing': " + MissingMethod.class.getName() + ".farewell: target method "
                + Greeter.class.getName() + ".farewell not found", refused(() -> core.lp.load(jar, false)));
    }

    @Test
    void aMissingTargetMethodInTheClassFileALoaderWouldLoad() throws Exception {
        TestCore fresh = new TestCore(dir); // no class loaded: the class file on the class path is checked
        Path jar = fresh.jar("missing", MissingMethod.class);
        String why = refused(() -> fresh.lp.load(jar, false));
        assertTrue(why.startsWith("patch 'missing': " + MissingMethod.class.getName() + ".farewell: target method "
                + Greeter.class.getName() + ".farewell not found (class " + Greeter.class.getName()
                + " as class loader 'app' would load it from "), why);
        assertEquals(List.of(), fresh.describe());
    }

    @Test
    void aTargetNoClassLoaderCanFindUnlessDeferred() throws Exception {
        Path jar = core.jar("nowhere", Nowhere.class);
        assertEquals("patch 'nowhere': no class loader of this JVM can find class dev.jlivepatch.coretest.app.Nowhere"
                + " (check @Patch(target); for a class of a class loader that does not exist yet, set"
                + " Livepatch-Deferred-Targets in the manifest or load with --deferred-targets)",
                refused(() -> core.lp.load(jar, false)));
        assertEquals(V1_ONLY, core.describe());

        // Accepted when the manifest or the command defers it: enabled, its target listed as not loaded, unpatched.
        Path deferred = core.jar("deferred", List.of("Livepatch-Deferred-Targets: dev.jlivepatch.coretest.app.Nowhere"),
                Nowhere.class);
        core.lp.load(deferred, false);
        core.lp.load(jar, true);
        // Its target is listed, not loaded and unpatched, as the kernel lists an object whose module is not loaded.
        assertEquals(List.of(V1_ONLY.get(0), "deferred #2 enabled=true none | Nowhere unpatched []",
                "nowhere #3 enabled=true none | Nowhere unpatched []"), core.describe());
        core.lp.disable("nowhere");
        core.lp.remove("nowhere");
        core.lp.disable("deferred");
        core.lp.remove("deferred");
    }

    @Test
    void aFailingPrePatchCallbackUndoesTheOnesThatRan() throws Exception {
        Journal.failPrePatch("both", "Counter");
        Path jar = core.jar("both", GreeterV2.class, CounterFix.class);
        assertEquals("patch 'both': pre-patch callback " + CounterFix.class.getName() + ".prePatch returned false"
                + " for target '" + Counter.class.getName() + "'", refused(() -> core.lp.load(jar, false)));
        assertEquals(List.of("pre_patch both Greeter", "pre_patch both Counter", "post_unpatch both Greeter"),
                Journal.lines());
    }

    @Test
    void aRetransformationTheJvmRefuses() throws Exception {
        core.env.failRetransform("injected");
        Path jar = core.jar("both", GreeterV2.class, CounterFix.class);
        assertEquals("patch 'both': the JVM refused to retransform " + Counter.class.getName() + ": injected",
                refused(() -> core.lp.load(jar, false)));
        assertEquals(List.of("pre_patch both Greeter", "pre_patch both Counter", "post_unpatch both Greeter",
                "post_unpatch both Counter"), Journal.lines());
        assertEquals(V1_ONLY, core.describe());

        // Nothing was left half-staged: once the JVM obliges, the same jar weaves Counter and applies.
        core.env.failRetransform(null);
        core.lp.load(jar, false);
        assertEquals(1007, core.call(Counter.class, WORK, 7));
        assertEquals(List.of(List.of(Greeter.class), List.of(Counter.class)), core.env.retransformed());
        core.lp.disable("both");
        core.lp.remove("both");
        weaves = List.of(List.of(Greeter.class), List.of(Counter.class), List.of(Counter.class));
    }

    @Test
    void aClassTheJvmCannotModify() throws Exception {
        core.env.unmodifiable(Counter.class);
        Path jar = core.jar("counter", CounterFix.class);
        assertEquals("patch 'counter': the JVM cannot modify class " + Counter.class.getName(),
                refused(() -> core.lp.load(jar, false)));
        assertEquals(List.of(), Journal.lines());
    }
}
