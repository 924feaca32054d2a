package dev.jlivepatch.selftest.worlds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.attach.Target;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A web application on an embedded Tomcat (the real {@code tomcat-embed-core}):
 * its classes come from its {@code WEB-INF/lib} jar, defined by the
 * context's webapp class loader, which the application's class path does
 * not see. A patch loaded by attach replaces a package-private method of a
 * web application class; its patch class takes the servlet API's request
 * (the parent's type) and calls a package-private class only the web
 * application has. Deployed again while patched, the new loader's copy is
 * patched as it loads, and the old loaders are collected. {@code status
 * --json} names the webapp loader; {@code disable} brings the original code
 * back.
 */
class WebappTest {
    static final String MAIN = "dev.jlivepatch.selftest.apps.worlds.tomcat.Server";
    static final String GREETINGS = "dev.jlivepatch.selftest.apps.worlds.web.Greetings";
    /** How often the web application is deployed again while patched: once in CI, more by hand. */
    static final int ROUNDS = Integer.getInteger("jlivepatch.worlds.rounds", 1);

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void patchesAndDisablesInAWebApplication(Jdk jdk) throws Exception {
        Path dir = Run.workDir("worlds-webapp-" + jdk);
        Path app = Jars.app(dir.resolve("server.jar"), "dev.jlivepatch.selftest.apps.worlds.tomcat");
        Path webapp = dir.resolve("webapp");
        Jars.app(webapp.resolve("WEB-INF/lib/shop.jar"), "dev.jlivepatch.selftest.apps.worlds.web");
        Path base = Files.createDirectories(dir.resolve("tomcat"));
        Path patch = Jars.patch(dir.resolve("web-fix.jar"), "web-fix", Map.of(),
                "dev.jlivepatch.selftest.patches.worlds.web");
        String cp = String.join(File.pathSeparator, app.toString(), Libs.tomcat().toString(),
                Libs.annotationsApi().toString());
        List<String> cmd = List.of(jdk.java().toString(), "-cp", cp, MAIN, base.toString(), webapp.toString());
        try (Target t = Target.launch(cmd, 60)) {
            int port = Integer.parseInt(t.ready().split(" ")[1]);
            assertEquals("200 Hello bob", Http.get(port, "/shop/greet?name=bob"));

            CliRun.run(jdk, "load", t.pid(), patch).ok().says("patch 'web-fix' enabled: patching complete")
                    .says("    " + GREETINGS + " (loader org.apache.catalina.loader.ParallelWebappClassLoader@");
            assertEquals("200 Dear bob (patched, /shop)", Http.get(port, "/shop/greet?name=bob"));
            Status.expect(Status.targets(jdk, t.pid(), "web-fix"),
                    GREETINGS + " | org.apache.catalina.loader.ParallelWebappClassLoader@* | true");

            // Deployed again while patched: the new webapp loader's copy is patched as it loads.
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals("new webapp loader", t.ask("redeploy"));
                assertEquals("200 Dear bob (patched, /shop)", Http.get(port, "/shop/greet?name=bob"));
                List<String> rows = Status.targets(jdk, t.pid(), "web-fix");
                assertTrue(rows.stream().filter(r -> !r.contains(" | null | ")).allMatch(r -> r.endsWith(" | true")),
                        () -> "every copy still loaded is patched: " + rows);
            }
            assertTrue(t.printed("applying patch 'web-fix' to loading class '" + GREETINGS + "'"), t::output);
            // The undeployed applications' loaders are collected although their copies were patched.
            List<String> rows = List.of();
            for (int i = 0; i < 10 && rows.size() != 1; i++) {
                t.ask("gc");
                rows = Status.targets(jdk, t.pid(), "web-fix");
            }
            Status.expect(rows, GREETINGS + " | org.apache.catalina.loader.ParallelWebappClassLoader@* | true");
            assertTrue(t.printed("reverting patch 'web-fix' on unloading class '" + GREETINGS + "'"), t::output);

            CliRun.run(jdk, "disable", t.pid(), "web-fix").ok();
            assertEquals("200 Hello bob", Http.get(port, "/shop/greet?name=bob"));
            assertTrue(Status.targets(jdk, t.pid(), "web-fix").stream().allMatch(r -> r.endsWith(" | false")));
            assertFalse(t.printed("Exception"), t::output);
        }
    }
}
