package dev.jlivepatch.selftest.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Spring Boot executable jar: a real {@code spring-boot-starter-web}
 * application that the build packs with the Spring Boot Maven plugin
 * ({@code selftest/boot-app}), started with {@code java -jar} and no flag.
 * Its classes and the jars nested in it ({@code BOOT-INF/classes},
 * {@code BOOT-INF/lib}) are defined by the launcher's
 * {@code LaunchedClassLoader}. One patch, loaded by attach, replaces a
 * method of the application's controller (its patch class uses the
 * application's and Spring's types), one of Spring's {@code HtmlUtils}
 * (running what it replaced), and one of Spring's {@code JavaScriptUtils},
 * which no loader has loaded yet: checked against the class file in its
 * nested jar, and patched as it loads. {@code status --json} names the
 * launcher's loader; {@code disable} brings the original code back.
 */
class BootJarTest {
    static final Path BUILT = Path.of(System.getProperty("jlivepatch.bootApp", "boot-app/target"));
    static final String LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader@*";
    static final String CONTROLLER = "dev.jlivepatch.selftest.boot.GreetingController";
    static final String HTML = "org.springframework.web.util.HtmlUtils";
    static final String JS = "org.springframework.web.util.JavaScriptUtils";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void patchesAndDisablesInASpringBootExecutableJar(Jdk jdk) throws Exception {
        Path app = BUILT.resolve("boot-app.jar").toAbsolutePath();
        Path patch = BUILT.resolve("boot-app-patch.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(app) && Files.isRegularFile(patch),
                "the reactor builds " + app + " and " + patch + " before the selftests");
        List<String> cmd = List.of(jdk.java().toString(), "-jar", app.toString(), "--server.port=0",
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
        try (Target t = Target.launch(cmd, 90)) {
            int port = Integer.parseInt(t.ready().split(" ")[1]);
            String greet = "/greet?name=%3Cb%3Eob";
            assertEquals("200 Hello &lt;b&gt;ob", Http.get(port, greet, "X-Patched"));

            CliRun.run(jdk, "load", t.pid(), patch).ok()
                    .says("patch 'boot-fix' enabled: patching complete")
                    .says("    " + CONTROLLER + " (loader org.springframework.boot.loader.launch.LaunchedClassLoader@")
                    .says("    " + HTML + " (loader org.springframework.boot.loader.launch.LaunchedClassLoader@");
            assertEquals("202 patched Hello [&lt;b&gt;ob] [X-Patched: boot-fix]", Http.get(port, greet, "X-Patched"));
            List<String> rows = Status.targets(jdk, t.pid(), "boot-fix");
            Status.expect(rows, CONTROLLER + " | " + LOADER + " | true", HTML + " | " + LOADER + " | true",
                    JS + " | null | false");
            String loader = rows.get(0).split(" \\| ")[1];
            assertEquals(loader, rows.get(1).split(" \\| ")[1], "one loader: the launcher's, for both");

            // A class of a nested jar that loads after the patch is patched as it loads.
            assertEquals("200 js(it\\u0027s)", Http.get(port, "/js?text=it%27s"));
            assertTrue(t.printed("applying patch 'boot-fix' to loading class '" + JS + "'"), t::output);
            assertEquals(List.of(CONTROLLER + " | " + loader + " | true", HTML + " | " + loader + " | true",
                    JS + " | " + loader + " | true"), Status.targets(jdk, t.pid(), "boot-fix"));

            CliRun.run(jdk, "disable", t.pid(), "boot-fix").ok().says("patch 'boot-fix' disabled: unpatching complete");
            assertEquals("200 Hello &lt;b&gt;ob", Http.get(port, greet, "X-Patched"));
            assertEquals("200 it\\'s", Http.get(port, "/js?text=it%27s"));
            assertEquals(List.of(CONTROLLER + " | " + loader + " | false", HTML + " | " + loader + " | false",
                    JS + " | " + loader + " | false"), Status.targets(jdk, t.pid(), "boot-fix"));
            assertFalse(t.printed("Exception"), t::output);
        }
    }
}
