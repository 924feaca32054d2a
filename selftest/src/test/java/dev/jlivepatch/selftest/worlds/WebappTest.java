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

            assertEquals("new webapp loader", t.ask("redeploy"));
            assertEquals("200 Dear bob (patched, /shop)", Http.get(port, "/shop/greet?name=bob"));
            // Deployed again, the undeployed application's copy is still loaded, its loader stopped (it loads
            // nothing more): disable works on every copy, and enable and a new patch patch the live copy and leave
            // that one alone, as the kernel leaves a module that is going, instead of refusing themselves.
            CliRun.run(jdk, "disable", t.pid(), "web-fix").ok();
            assertEquals("200 Hello bob", Http.get(port, "/shop/greet?name=bob"));
            CliRun.run(jdk, "enable", t.pid(), "web-fix").ok();
            assertEquals("200 Dear bob (patched, /shop)", Http.get(port, "/shop/greet?name=bob"));
            CliRun.run(jdk, "disable", t.pid(), "web-fix").ok();
            Path again = Jars.patch(dir.resolve("web-fix2.jar"), "web-fix2", Map.of(),
                    "dev.jlivepatch.selftest.patches.worlds.web");
            CliRun.run(jdk, "load", t.pid(), again).ok().says("patch 'web-fix2' enabled: patching complete");
            assertEquals("200 Dear bob (patched, /shop)", Http.get(port, "/shop/greet?name=bob"));
            // status lists the undeployed application's copy as not patched
            List<String> fix2 = new java.util.ArrayList<>(Status.targets(jdk, t.pid(), "web-fix2"));
            fix2.sort(java.util.Comparator.comparing(r -> r.endsWith("true")));
            Status.expect(fix2, GREETINGS + " | org.apache.catalina.loader.ParallelWebappClassLoader@* | false",
                    GREETINGS + " | org.apache.catalina.loader.ParallelWebappClassLoader@* | true");
            assertTrue(t.printed("'web-fix2': not patching class '" + GREETINGS + "' of class loader"
                    + " org.apache.catalina.loader.ParallelWebappClassLoader, which no longer loads classes"),
                    t::output);
            CliRun.run(jdk, "disable", t.pid(), "web-fix2").ok();
            CliRun.run(jdk, "remove", t.pid(), "web-fix2").ok();
            CliRun.run(jdk, "enable", t.pid(), "web-fix").ok();

            CliRun.run(jdk, "disable", t.pid(), "web-fix").ok();
            assertEquals("200 Hello bob", Http.get(port, "/shop/greet?name=bob"));
            assertTrue(Status.targets(jdk, t.pid(), "web-fix").stream().allMatch(r -> r.endsWith(" | false")));
            // Tomcat logs (at INFO, with a stack trace) each attempt to load through a stopped loader: not ours.
            assertFalse(t.output().lines().anyMatch(l -> l.contains("Exception") && !l.contains("Illegal access: this"
                    + " web application instance has been stopped already")), t::output);
        }
    }
}
