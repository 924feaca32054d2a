package dev.jlivepatch.selftest.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code samples/build-demo.sh} shows, in CI: the VAT bug fixed in the
 * service's source and built twice by the samples build
 * ({@code sample-app.jar}, {@code sample-app-fixed.jar}) becomes a patch
 * with one {@code jlivepatch build}, which fixes the service running as
 * shipped when loaded by attach, and is disabled again.
 */
class BuildDemoTest {
    private static final String BUG = "200 19.99 + 20% VAT = 19.99";
    private static final String FIXED = "200 19.99 + 20% VAT = 23.99";

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void theFixInTheSourceBecomesAPatchThatFixesTheRunningService(Jdk jdk) throws Exception {
        Path dir = Run.workDir("samples-build-demo-" + jdk);
        Path patch = dir.resolve("price-vat-build.jar");
        CliRun.run(jdk, "build", "--old", SampleService.jar("sample-app.jar"), "--new",
                SampleService.jar("sample-app-fixed.jar"), "--id", "price-vat-build", "-o", patch).ok()
                .says("  replace   dev.jlivepatch.samples.app.Pricing.withVat(long, int) (Pricing.java:25): body changed")
                .says("patch 'price-vat-build' written to " + patch + ": 1 method of 1 class replaced");

        // The fixed release itself, for reference: what the patch must make the running service answer.
        try (SampleService fixed = SampleService.start(jdk, dir, null, Map.of(), "sample-app-fixed.jar")) {
            assertEquals(FIXED, fixed.get("/price", "cents", "1999", "vat", "20"));
            assertEquals("200 0.01 + 50% VAT = 0.02", fixed.get("/price", "cents", "1", "vat", "50"));
            fixed.stopCleanly();
        }
        try (SampleService service = SampleService.start(jdk, dir, null, Map.of())) {
            assertEquals(BUG, service.get("/price", "cents", "1999", "vat", "20"));
            CliRun.run(jdk, "load", service.pid(), patch).ok().says("patch 'price-vat-build' enabled: patching complete")
                    .says("    dev.jlivepatch.samples.app.Pricing (loader app): withVat(long, int)");
            assertEquals(FIXED, service.get("/price", "cents", "1999", "vat", "20"));
            assertEquals("200 0.01 + 50% VAT = 0.02", service.get("/price", "cents", "1", "vat", "50"));
            // The other bug is no business of this patch.
            assertEquals("200 Hello, hunter2! Welcome to sample-service.", service.get("/greet", "name",
                    "${sys:db.password}"));
            Map<String, Object> status = CliRun.run(jdk, "status", service.pid(), "--json").ok().json();
            assertEquals(List.of("price-vat-build"), ((List<?>) status.get("patches")).stream()
                    .map(p -> ((Map<?, ?>) p).get("id")).toList());
            CliRun.run(jdk, "disable", service.pid(), "price-vat-build").ok();
            assertEquals(BUG, service.get("/price", "cents", "1999", "vat", "20"));
            String out = service.output();
            assertTrue(out.contains("'price-vat-build': unpatching complete"), out);
            service.stopCleanly();
        }
    }
}
