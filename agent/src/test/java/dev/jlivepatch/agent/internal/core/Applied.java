package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.fuzztest.Seeds;
import dev.jlivepatch.fuzztest.app.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What an accepted fuzz jar must have done to a core with {@link Target}
 * loaded: registered and enabled alone, its transition over, and either
 * {@code Target.greet} patched (answering as the seed whose classes the jar
 * holds, when it holds a seed's classes unchanged) or, for a mutated target
 * name no loader has that the jar may defer, nothing patched yet.
 */
final class Applied {
    static final String GREET = "greet(Ljava/lang/String;)Ljava/lang/String;";

    private Applied() {
    }

    /**
     * @param seed the seed the jar came from, or null to find it by the jar's classes
     * @return what was checked, for statistics
     */
    static String check(TestCore core, LoadedPatch p, Seeds.Seed seed) {
        List<String> state = core.describe();
        assertEquals(1, state.size(), state::toString);
        String line = state.get(0);
        if (p.jar().patchClasses().stream().noneMatch(pc -> pc.target().equals(Seeds.TARGET))) {
            assertTrue(p.defers(p.jar().patchClasses().get(0).target()), line);
            assertTrue(line.startsWith(p.id() + " #1 enabled=true none | ") && line.endsWith(" unpatched []")
                    && !line.contains(" patched ["), line);
            assertEquals("original", answer(core));
            return "a deferred target no loader has, nothing patched";
        }
        assertTrue(line.startsWith(p.id() + " #1 enabled=true none | Target patched [" + GREET + "]"), line);
        Object answer = answer(core);
        Seeds.Seed same = Seeds.all().stream().filter(s -> sameClasses(p.jar().classes(), s.classes())).findFirst()
                .orElse(null);
        if (same != null && (seed == null || same.classes().keySet().equals(seed.classes().keySet()))) {
            assertEquals(same.answer(), answer, "the seed's classes answer otherwise");
            return "the seed's classes, the seed's answer";
        }
        return "classes changed: " + (answer instanceof String ? "answers a string" : answer);
    }

    /** What the patched target answers for "bob", or what the patch's code threw. */
    static Object answer(TestCore core) {
        try {
            return core.call(Target.class, GREET, "bob");
        } catch (java.lang.reflect.InvocationTargetException e) {
            return "threw " + e.getCause().getClass().getName();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean sameClasses(Map<String, byte[]> read, Map<String, byte[]> seed) {
        return read.keySet().equals(seed.keySet())
                && seed.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), read.get(e.getKey())));
    }
}
