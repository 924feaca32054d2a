package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stub inside class initialisation (the kernel's concern of a handler running where the
 * machinery is not yet watching): a class that loads after the patch, in the application loader
 * and in fresh loaders, calls its own patched method from its initialiser and gets the
 * replacement; a class initialised before the patch keeps what its initialiser saw but runs the
 * replacement from then on; a non-target's initialiser calls a patched method of another class;
 * four threads race to initialise a slow target. After the disable, the originals come back, also
 * in the initialisers of classes loaded then.
 */
class ClassInitTest {
    private static final String MAIN = Fixtures.APPS + "init.Main";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void stubRunsInsideClassInitialisation(Jdk jdk) throws Exception {
        Path dir = Run.workDir("kinds-init-" + jdk);
        Path app = Fixtures.app(dir.resolve("app.jar"), "init", Set.of(), Map.of());
        Path patch = Fixtures.patch(dir.resolve("init.jar"), "init", Fixtures.PATCHES + "init");

        Run run = Run.java(jdk, "", app.toString(), MAIN,
                "before", "load:" + patch, "after", "disable:init", "afterDisable", "enable:init", "after");
        String[] after = {
            "Late.VALUE first initialised after the patch: new",
            "Late.compute: new",
            "L0 Late.VALUE initialised before the patch: orig",
            "L0 Late.compute: new",
            "L1 Late.VALUE: new",
            "L1 Late.compute: new",
            "Caller.VALUE calls a patched method in its initialiser: new early",
            "racing initialisers: 4 threads saw [new racy/new racy]",
        };
        Checks.clean(run).expectOut(concat(
                new String[] {"early: orig early", "L0 Late.VALUE: orig", "load init.jar"},
                after,
                new String[] {
                    "disable init",
                    "Late.compute: orig",
                    "L1 Late.compute: orig",
                    "fresh Late.VALUE: orig",
                    "early: orig early",
                    "racing initialisers: 4 threads saw [orig racy/orig racy]",
                    "enable init",
                },
                after))
                .expectLine("applying patch 'init' to loading class '" + Fixtures.APPS + "init.Late'")
                .expectLine("applying patch 'init' to loading class '" + Fixtures.APPS + "init.Racy'");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
