package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shadow variables through a patch's life: a patch attaches state to live
 * objects, a second patch stacked on it (another jar, another class loader)
 * shares it, one is freed with a destructor, and the first patch's post-unpatch
 * callback frees the rest; the application sees them through the one
 * {@code Shadow} class of the JVM. And the kernel's test-shadow-vars, with
 * the constructor's arguments, duplicates and failing constructors.
 */
class ShadowVariablesTest {

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void shadowVariablesAreSharedAndFreed(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-shadow-" + jdk);
        Path app = Fixtures.app(dir);
        Path sh1 = Fixtures.patch(dir, "sh1", "shadow1");
        Path sh2 = Fixtures.patch(dir, "sh2", "shadow2");

        Run r = run(jdk, "", app, "box:a", "box:b", "describe:a", "shadow:a:1",
                "load:" + sh1, "describe:a", "describe:a", "describe:b", "shadow:a:1",
                "load:" + sh2, "describe:a", "describe:b",
                "disable:sh2", "describe:a", "shadow:b:1",
                "close:a", "shadow:a:1", "describe:a", "close:a",
                "disable:sh1", "shadow:a:1", "shadow:b:1", "describe:a");
        expectEvents(r,
                "OUT box a",
                "OUT shadow a:1 = null",
                "OUT % load sh1.jar",
                "livepatch: enabling patch 'sh1'",
                "livepatch: 'sh1': initializing patching transition",
                "livepatch: 'sh1': starting patching transition",
                "livepatch: 'sh1': completing patching transition",
                "livepatch: 'sh1': patching complete in TIME",
                "OUT box a seen 1 (sh1)",
                "OUT box a seen 2 (sh1)",
                "OUT box b seen 1 (sh1)",
                "OUT shadow a:1 = seen 2",
                // the second patch counts on in the variables the first one attached
                "OUT % load sh2.jar",
                "livepatch: enabling patch 'sh2'",
                "livepatch: 'sh2': initializing patching transition",
                "livepatch: 'sh2': starting patching transition",
                "livepatch: 'sh2': completing patching transition",
                "livepatch: 'sh2': patching complete in TIME",
                "OUT box a seen 3 (sh2)",
                "OUT box b seen 2 (sh2)",
                // and hands them back
                "OUT % disable sh2",
                "livepatch: 'sh2': initializing unpatching transition",
                "livepatch: 'sh2': starting unpatching transition",
                "livepatch: 'sh2': completing unpatching transition",
                "OUT sh2: post_unpatch_callback: leaving the shadows to sh1",
                "livepatch: 'sh2': unpatching complete in TIME",
                "OUT box a seen 4 (sh1)",
                "OUT shadow b:1 = seen 2",
                // free: the destructor gets the value once; a new one starts afresh
                "OUT % close a",
                "OUT sh1: freed shadow of box a (seen 4)",
                "OUT shadow a:1 = null",
                "OUT box a seen 1 (sh1)",
                "OUT % close a",
                "OUT sh1: freed shadow of box a (seen 1)",
                // free all, from the post-unpatch callback
                "OUT % disable sh1",
                "livepatch: 'sh1': initializing unpatching transition",
                "livepatch: 'sh1': starting unpatching transition",
                "livepatch: 'sh1': completing unpatching transition",
                "OUT sh1: post_unpatch_callback: freed all shadows {b=2}",
                "livepatch: 'sh1': unpatching complete in TIME",
                "OUT shadow a:1 = null",
                "OUT shadow b:1 = null",
                "OUT box a",
                "OUT done");
    }

    /**
     * The kernel's test-shadow-vars ("basic shadow variable API"): the
     * application runs test_klp_shadow_vars's passes against the JVM's
     * {@code Shadow}, objects named {@code PTRn}: get on nothing, alloc and
     * get-or-alloc whose constructor gets the object and the caller's data,
     * get, get-or-alloc of an existing variable (no constructor), free with
     * a destructor, free all. Then what the kernel's module does not do: a
     * duplicate alloc warns in the agent's log and returns null, leaving the
     * first variable; a constructor returning null, and one throwing, leave
     * nothing behind (the error in the agent's log; the exception reaches the
     * caller). Would catch a constructor without its object or data, a
     * duplicate that replaces or goes unreported, or a failed constructor
     * that attaches something.
     */
    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void basicShadowVariableApi(Jdk jdk) throws Exception {
        Path dir = Run.workDir("lifecycle-shadow-vars-" + jdk);
        Path app = Fixtures.app(dir);

        Run r = run(jdk, "", app, "shadowvars");
        List<String> expected = new ArrayList<>(List.of(
                "OUT klp_shadow_get(obj=PTR1, id=0x1234) = PTR0",
                "OUT   got expected NULL result",
                // pass 1: the constructor gets the object and the caller's data
                "OUT shadow_ctor: PTR3 -> PTR2 (obj=PTR1)",
                "OUT klp_shadow_get_or_alloc(obj=PTR1, id=0x1234, ctor=PTR4, ctor_data=PTR2) = PTR3",
                "OUT shadow_ctor: PTR6 -> PTR5 (obj=PTR1)",
                "OUT klp_shadow_alloc(obj=PTR1, id=0x1235, ctor=PTR4, ctor_data=PTR5) = PTR6",
                "OUT shadow_ctor: PTR8 -> PTR7 (obj=PTR9)",
                "OUT klp_shadow_alloc(obj=PTR9, id=0x1234, ctor=PTR4, ctor_data=PTR7) = PTR8",
                "OUT shadow_ctor: PTR11 -> PTR10 (obj=PTR9)",
                "OUT klp_shadow_alloc(obj=PTR9, id=0x1235, ctor=PTR4, ctor_data=PTR10) = PTR11",
                "OUT shadow_ctor: PTR13 -> PTR12 (obj=PTR14)",
                "OUT klp_shadow_get_or_alloc(obj=PTR14, id=0x1234, ctor=PTR4, ctor_data=PTR12) = PTR13",
                "OUT shadow_ctor: PTR16 -> PTR15 (obj=PTR14)",
                "OUT klp_shadow_alloc(obj=PTR14, id=0x1235, ctor=PTR4, ctor_data=PTR15) = PTR16",
                // pass 2
                "OUT klp_shadow_get(obj=PTR1, id=0x1234) = PTR3",
                "OUT   got expected PTR3 -> PTR2 result",
                "OUT klp_shadow_get(obj=PTR1, id=0x1235) = PTR6",
                "OUT   got expected PTR6 -> PTR5 result",
                "OUT klp_shadow_get(obj=PTR9, id=0x1234) = PTR8",
                "OUT   got expected PTR8 -> PTR7 result",
                "OUT klp_shadow_get(obj=PTR9, id=0x1235) = PTR11",
                "OUT   got expected PTR11 -> PTR10 result",
                "OUT klp_shadow_get(obj=PTR14, id=0x1234) = PTR13",
                "OUT   got expected PTR13 -> PTR12 result",
                "OUT klp_shadow_get(obj=PTR14, id=0x1235) = PTR16",
                "OUT   got expected PTR16 -> PTR15 result",
                // pass 3: no constructor runs
                "OUT klp_shadow_get_or_alloc(obj=PTR1, id=0x1234, ctor=PTR4, ctor_data=PTR2) = PTR3",
                "OUT   got expected PTR3 -> PTR2 result",
                "OUT klp_shadow_get_or_alloc(obj=PTR9, id=0x1234, ctor=PTR4, ctor_data=PTR7) = PTR8",
                "OUT   got expected PTR8 -> PTR7 result",
                "OUT klp_shadow_get_or_alloc(obj=PTR14, id=0x1234, ctor=PTR4, ctor_data=PTR12) = PTR13",
                "OUT   got expected PTR13 -> PTR12 result"));
        // pass 4: free with a destructor
        for (String[] objSv : new String[][] {{"PTR1", "PTR3"}, {"PTR9", "PTR8"}, {"PTR14", "PTR13"}}) {
            expected.addAll(List.of(
                    "OUT shadow_dtor(obj=" + objSv[0] + ", shadow_data=" + objSv[1] + ")",
                    "OUT klp_shadow_free(obj=" + objSv[0] + ", id=0x1234, dtor=shadow_dtor)",
                    "OUT klp_shadow_get(obj=" + objSv[0] + ", id=0x1234) = PTR0",
                    "OUT   got expected NULL result"));
        }
        expected.addAll(List.of(
                // pass 5
                "OUT klp_shadow_get(obj=PTR1, id=0x1235) = PTR6",
                "OUT   got expected PTR6 -> PTR5 result",
                "OUT klp_shadow_get(obj=PTR9, id=0x1235) = PTR11",
                "OUT   got expected PTR11 -> PTR10 result",
                "OUT klp_shadow_get(obj=PTR14, id=0x1235) = PTR16",
                "OUT   got expected PTR16 -> PTR15 result",
                // pass 6: free all
                "OUT klp_shadow_free_all(id=0x1235, dtor=PTR0)",
                "OUT klp_shadow_get(obj=PTR1, id=0x1235) = PTR0",
                "OUT   got expected NULL result",
                "OUT klp_shadow_get(obj=PTR9, id=0x1235) = PTR0",
                "OUT   got expected NULL result",
                "OUT klp_shadow_get(obj=PTR14, id=0x1235) = PTR0",
                "OUT   got expected NULL result",
                // a duplicate alloc: a warning, null, and the first variable stays
                "OUT shadow_ctor: PTR17 -> PTR2 (obj=PTR1)",
                "OUT klp_shadow_alloc(obj=PTR1, id=0x1236, ctor=PTR4, ctor_data=PTR2) = PTR17",
                "livepatch: duplicate shadow variable <PTR1, 0x1236>",
                "OUT klp_shadow_alloc(obj=PTR1, id=0x1236, ctor=PTR4, ctor_data=PTR2) = PTR0",
                "OUT   got expected NULL result",
                "OUT klp_shadow_get(obj=PTR1, id=0x1236) = PTR17",
                "OUT   got expected PTR17 -> PTR2 result",
                // a constructor that fails by returning null: an error, null, nothing attached
                "livepatch: failed to construct shadow variable <PTR1, 0x1236>: the constructor returned null",
                "OUT klp_shadow_alloc(obj=PTR1, id=0x1236, ctor=PTR4, ctor_data=PTR0) = PTR0",
                "OUT klp_shadow_get(obj=PTR1, id=0x1236) = PTR0",
                "OUT   got expected NULL result",
                // one that throws: an error, the exception to the caller, nothing attached
                "livepatch: failed to construct shadow variable <PTR1, 0x1236>: java.lang.IllegalStateException: no"
                        + " memory for PTR1",
                "OUT klp_shadow_get_or_alloc(obj=PTR1, id=0x1236) threw java.lang.IllegalStateException: no memory"
                        + " for PTR1",
                "OUT klp_shadow_get(obj=PTR1, id=0x1236) = PTR0",
                "OUT   got expected NULL result",
                "OUT done"));
        assertEquals(String.join("\n", expected), String.join("\n", named(r)), () -> "full output:\n" + r);
        r.expectLine(" WARN jlivepatch - duplicate shadow variable <java.lang.Object@")
                .expectLine(" ERROR jlivepatch - failed to construct shadow variable <java.lang.Object@");
    }

    /**
     * The run's events with each object the application announced
     * ({@code OUT ptr PTRn CLASS@HASH}) named {@code PTRn} in the agent's
     * lines, as the kernel's test module names pointers; the announcements
     * themselves left out.
     */
    private static List<String> named(Run r) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String e : r.events()) {
            if (e.startsWith("OUT ptr ")) {
                String[] parts = e.split(" ");
                names.put(parts[3], parts[2]);
                continue;
            }
            String line = e;
            for (Map.Entry<String, String> n : names.entrySet()) {
                line = line.replace(n.getKey(), n.getValue());
            }
            out.add(line);
        }
        return out;
    }
}
