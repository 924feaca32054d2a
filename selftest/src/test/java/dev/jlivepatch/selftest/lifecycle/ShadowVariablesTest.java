package dev.jlivepatch.selftest.lifecycle;

import static dev.jlivepatch.selftest.lifecycle.Fixtures.expectEvents;
import static dev.jlivepatch.selftest.lifecycle.Fixtures.run;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Shadow variables through a patch's life: a patch attaches state to live
 * objects, a second patch stacked on it (another jar, another class loader)
 * shares it, one is freed with a destructor, and the first patch's post-unpatch
 * callback frees the rest; the application sees them through the one
 * {@code Shadow} class of the JVM.
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
}
