package dev.jlivepatch.selftest.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Javac;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jlivepatch build} over two real builds of one application, compiled
 * here from {@code src/test/resources/build/cases}: the old build, and the
 * new one in which a fix of each kind a fix commonly makes was made (private
 * members and new helpers, a changed constant, new lambdas and a method
 * reference, methods of inner, nested and anonymous classes, a new class, a
 * switch on strings and on an enum, a lambda made by a static initialiser, a
 * default method, a package-private class). The same questions, asked of the
 * old build, the new build and the old build with the generated patch, get
 * the new build's answers from the patched one: at startup, and live by
 * attach, until the patch is disabled.
 */
class BuildCasesTest {
    private static final int CASES = 12;

    /** Builds both versions and the patch with the shipped command line on {@code jdk}. */
    static Path[] builds(Jdk jdk, Path dir) throws Exception {
        Path cases = Javac.resource("/build/cases");
        Path oldJar = Jars.of(dir.resolve("shop-1.0.jar"), Javac.compile(dir.resolve("old"), cases.resolve("common"),
                cases.resolve("old")));
        Path newJar = Jars.of(dir.resolve("shop-1.1.jar"), Javac.compile(dir.resolve("new"), cases.resolve("common"),
                cases.resolve("new")));
        Path patch = dir.resolve("shop-fix.jar");
        CliRun build = CliRun.run(jdk, "build", "--old", oldJar, "--new", newJar, "--id", "shop-fix", "-o", patch).ok();
        build.says("patch 'shop-fix' written to " + patch + ": 12 methods of 12 classes replaced");
        for (String carried : List.of("carry     shop.Cart.discount(int)", "carry     shop.Cart.round(int)",
                "carry     shop.Colors$1 ", "carry     shop.Labels.lambda$format$0(java.lang.String)",
                "carry     shop.Labels.format(java.util.List) (Labels.java:19): method reference to"
                        + " shop.Labels.decorate(java.lang.String)", "carry     shop.Tiers ",
                "replace   shop.Filters.lambda$static$0(java.lang.String)", "replace   shop.Outer$1.get()",
                "note      shop.Rates.VAT")) {
            build.says(carried);
        }
        return new Path[] {oldJar, newJar, patch};
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void thePatchedOldBuildAnswersAsTheNewBuild(Jdk jdk) throws Exception {
        Path dir = Run.freshDir("build-cases-" + jdk);
        Path[] b = builds(jdk, dir);
        List<String> old = Run.java(jdk, null, b[0].toString(), "shop.Main").exitsWith(0).out();
        List<String> now = Run.java(jdk, null, b[1].toString(), "shop.Main").exitsWith(0).out();
        assertEquals(CASES, old.size(), old::toString);
        for (int i = 0; i < CASES; i++) {
            assertNotEquals(old.get(i), now.get(i), "every case answers differently once fixed");
        }
        Run patched = Run.java(jdk, "patch=" + b[2], b[0].toString(), "shop.Main").exitsWith(0)
                .expectLine("jlivepatch - 'shop-fix': patching complete");
        assertEquals(String.join("\n", now), String.join("\n", patched.out()), patched::toString);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void roundTripBuildLoadCallDisable(Jdk jdk) throws Exception {
        Path dir = Run.freshDir("build-attach-" + jdk);
        Path[] b = builds(jdk, dir);
        String now = String.join(" | ", Run.java(jdk, null, b[1].toString(), "shop.Main").exitsWith(0).out());
        try (Served app = Served.start(jdk, b[0].toString(), "shop.Main")) {
            String old = app.ask("call");
            assertNotEquals(now, old);
            CliRun.run(jdk, "load", app.pid(), b[2]).ok().says("patch 'shop-fix' enabled: patching complete")
                    .says("    shop.Filters (loader app): lambda$static$0(java.lang.String)");
            assertEquals(now, app.ask("call"), app::output);
            Map<String, Object> status = CliRun.run(jdk, "status", app.pid(), "--json").ok().json();
            assertEquals(1, ((List<?>) status.get("patches")).size(), status::toString);
            CliRun.run(jdk, "disable", app.pid(), "shop-fix").ok().says("patch 'shop-fix' disabled: unpatching complete");
            assertEquals(old, app.ask("call"), app::output);
            CliRun.run(jdk, "enable", app.pid(), "shop-fix").ok();
            assertEquals(now, app.ask("call"), app::output);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void aChangeThatCannotBePatchedRefusesWithTheReport(Jdk jdk) throws Exception {
        Path dir = Run.freshDir("build-refused-" + jdk);
        Path cases = Javac.resource("/build/cases");
        Path old = Javac.compile(dir.resolve("old"), cases.resolve("common"), cases.resolve("old"));
        Path src = Files.createDirectories(dir.resolve("src/shop"));
        try (var files = Files.list(cases.resolve("old/shop"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, src.resolve(f.getFileName().toString()));
            }
        }
        // The new build counts items in a new field.
        Files.writeString(src.resolve("Cart.java"), Files.readString(cases.resolve("old/shop/Cart.java"))
                .replace("private int discountPercent = 10;", "private int discountPercent = 10;\n    private int"
                        + " count;").replace("items.add(cents);", "items.add(cents);\n        count++;"));
        Path now = Javac.compile(dir.resolve("new"), cases.resolve("common"), dir.resolve("src"));
        CliRun r = CliRun.run(jdk, "build", "--old", old, "--new", now, "--id", "shop-fix", "-o",
                dir.resolve("x.jar"));
        r.fails(1, "refused: 2 changes cannot be patched safely (listed above); no patch written");
        String shadow = "keep such state in a shadow variable instead (dev.jlivepatch.api.Shadow,"
                + " docs/shadow-variables.md)";
        assertEquals(List.of("  refuse    shop.Cart.count (Cart.java): new field count (int): a patch cannot add a"
                + " field to a loaded class; " + shadow,
                "  replace   shop.Cart.add(int) (Cart.java:13): body changed",
                "  refuse    shop.Cart.add(int) (Cart.java:13): uses field shop.Cart.count (int), which the old build"
                        + " does not have: a patch cannot add fields; " + shadow), r.out);
        assertTrue(Files.notExists(dir.resolve("x.jar")));
    }
}
