package dev.jlivepatch.selftest.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child-first class loader ({@code child-first}) that holds its own copy
 * of a class the class path has too ({@code Shared}), patched by attach: a
 * patch without {@code loader} patches both copies, each patch class seeing
 * its own copy; a patch with {@code loader = "child-first"} patches only that
 * loader's copy, stacked on the first there, and may use a class only that
 * loader has. The same use in a patch for every copy is refused up front,
 * naming the loader that cannot see the class. {@code status --json} names
 * each loader; {@code disable} peels the stacks back per loader.
 */
class ChildFirstTest {
    static final String MAIN = "dev.jlivepatch.selftest.apps.worlds.childfirst.Main";
    static final String SHARED = "dev.jlivepatch.selftest.apps.worlds.shared.Shared";
    static final String PATCHES = "dev.jlivepatch.selftest.patches.worlds.childfirst.";
    static final String ORIGINAL = "Hello bob from app | Hello bob from child-first";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void bothCopiesOrTheOneTheLoaderNames(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-childfirst-" + jdk);
        Path app = Jars.app(dir.resolve("app.jar"), "dev.jlivepatch.selftest.apps.worlds.childfirst",
                "dev.jlivepatch.selftest.apps.worlds.shared");
        Path plugin = Jars.app(dir.resolve("plugin.jar"), "dev.jlivepatch.selftest.apps.worlds.shared",
                "dev.jlivepatch.selftest.apps.worlds.plugin");
        Path both = Jars.patch(dir.resolve("both.jar"), "both", Map.of(), PATCHES + "both");
        Path child = Jars.patch(dir.resolve("child.jar"), "child", Map.of(), PATCHES + "child");
        Path unseen = Jars.patch(dir.resolve("unseen.jar"), "unseen", Map.of(), PATCHES + "unseen");
        List<String> cmd = List.of(jdk.java().toString(), "-cp", app.toString(), MAIN, plugin.toString());
        try (Target t = Target.launch(cmd, 60)) {
            assertEquals(ORIGINAL, t.ask("call"));

            CliRun.run(jdk, "load", t.pid(), unseen).fails(1, "patch 'unseen': " + PATCHES + "unseen.SharedUnseenFix"
                    + " uses class dev.jlivepatch.selftest.apps.worlds.plugin.Extra, which class loader 'app' of its"
                    + " target " + SHARED + " cannot find");
            assertEquals(ORIGINAL, t.ask("call"), "a refused patch changes nothing");

            CliRun.run(jdk, "load", t.pid(), both).ok().says("patch 'both' enabled: patching complete");
            assertEquals("patched bob in app | patched bob in child-first", t.ask("call"));
            Status.expect(Status.targets(jdk, t.pid(), "both"), SHARED + " | app | true",
                    SHARED + " | child-first | true");

            CliRun.run(jdk, "load", t.pid(), child).ok().says("patch 'child' enabled: patching complete");
            assertEquals("patched bob in app | extra bob in child-first", t.ask("call"));
            Status.expect(Status.targets(jdk, t.pid(), "child"), SHARED + " | child-first | true");

            CliRun.run(jdk, "disable", t.pid(), "child").ok();
            assertEquals("patched bob in app | patched bob in child-first", t.ask("call"));
            CliRun.run(jdk, "disable", t.pid(), "both").ok();
            assertEquals(ORIGINAL, t.ask("call"));
            Status.expect(Status.targets(jdk, t.pid(), "both"), SHARED + " | app | false",
                    SHARED + " | child-first | false");
            assertFalse(t.printed("Exception"), t::output);
        }
    }
}
