package dev.jlivepatch.selftest.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample HTTP service that the README's demo patches: its two bugs are
 * there as shipped, and each patch jar, given at startup, fixes its own bug
 * and only that, over real HTTP requests to a forked JVM.
 */
class SampleServiceTest {
    private static final String LEAK = "${sys:db.password}";
    private static final String ENV_LEAK = "${env:SAMPLE_API_TOKEN}";
    /** A secret in the service's environment, which the lookup bug leaks as well. */
    private static final Map<String, String> ENV = Map.of("SAMPLE_API_TOKEN", "tok-5ecret");

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void asShippedItLeaksSecretsAndForgetsVat(Jdk jdk) throws Exception {
        Path dir = Run.workDir("samples-shipped-" + jdk);
        try (SampleService service = SampleService.start(jdk, dir, null, ENV)) {
            assertEquals("200 Hello, alice! Welcome to sample-service.", service.get("/greet", "name", "alice"));
            assertEquals("200 Hello, hunter2! Welcome to sample-service.", service.get("/greet", "name", LEAK));
            assertEquals("200 Hello, tok-5ecret! Welcome to sample-service.", service.get("/greet", "name", ENV_LEAK));
            assertEquals("200 19.99 + 20% VAT = 19.99", service.get("/price", "cents", "1999", "vat", "20"));
            // bad requests get a one-line reason
            assertEquals("400 missing query parameter 'name'", service.get("/greet"));
            assertEquals("400 query parameter 'cents' is not a whole number: 'ten'", service.get("/price", "cents", "ten"));
            String about = service.get("/");
            assertTrue(about.startsWith("200 sample-service pid " + service.pid() + ", up "), about);
            assertTrue(service.output().contains("sample-service: listening on http://127.0.0.1:"), service.output());
            // the demo's client where curl is missing: encodes the value, prints the body, fails on a 4xx
            assertEquals("0 Hello, hunter2! Welcome to sample-service.", service.fetch(jdk, "/greet", "name=" + LEAK));
            String refused = service.fetch(jdk, "/greet");
            assertTrue(refused.startsWith("1 fetch: HTTP 400 from http://127.0.0.1:")
                    && refused.endsWith("/greet: missing query parameter 'name'"), refused);
            service.stopCleanly();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void theLookupFixStopsTheLeakAndOnlyThat(Jdk jdk) throws Exception {
        Path dir = Run.workDir("samples-lookup-fix-" + jdk);
        String fix = SampleService.jar("sample-lookup-fix.jar").toString();
        try (SampleService service = SampleService.start(jdk, dir, "patch=" + fix, ENV)) {
            assertEquals("200 Hello, ${sys:db.password}! Welcome to sample-service.", service.get("/greet", "name", LEAK));
            assertEquals("200 Hello, ${env:SAMPLE_API_TOKEN}! Welcome to sample-service.",
                    service.get("/greet", "name", ENV_LEAK));
            // the template's own lookup (the service name) is still expanded
            assertEquals("200 Hello, alice! Welcome to sample-service.", service.get("/greet", "name", "alice"));
            // the other bug is not this patch's business
            assertEquals("200 19.99 + 20% VAT = 19.99", service.get("/price", "cents", "1999", "vat", "20"));
            String out = service.output();
            assertTrue(out.contains("jlivepatch - 'greeting-lookup-fix': patching complete"), out);
            assertTrue(out.contains("fix> greeting-lookup-fix is live on dev.jlivepatch.samples.app.Templates"), out);
            service.stopCleanly();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void bothFixesTogetherFixBothBugs(Jdk jdk) throws Exception {
        Path dir = Run.workDir("samples-both-fixes-" + jdk);
        String options = "patch=" + SampleService.jar("sample-lookup-fix.jar") + ",patch="
                + SampleService.jar("sample-vat-fix.jar");
        try (SampleService service = SampleService.start(jdk, dir, options, ENV)) {
            assertEquals("200 Hello, ${sys:db.password}! Welcome to sample-service.", service.get("/greet", "name", LEAK));
            assertEquals("200 19.99 + 20% VAT = 23.99", service.get("/price", "cents", "1999", "vat", "20"));
            // rounded half up to the cent
            assertEquals("200 0.01 + 50% VAT = 0.02", service.get("/price", "cents", "1", "vat", "50"));
            assertEquals("200 10.00 + 0% VAT = 10.00", service.get("/price", "cents", "1000", "vat", "0"));
            String out = service.output();
            assertTrue(out.contains("jlivepatch - 'price-vat-fix': patching complete"), out);
            service.stopCleanly();
        }
    }
}
