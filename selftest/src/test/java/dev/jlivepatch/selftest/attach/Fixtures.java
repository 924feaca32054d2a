package dev.jlivepatch.selftest.attach;

import dev.jlivepatch.selftest.harness.Jars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The patch jars of the attach and command-line tests: two stacked patches of the basic Greeter. */
public final class Fixtures {
    /** What the target answers to {@code call}, unpatched and with v1 and v2 on top. */
    public static final String ORIGINAL = "Hello bob 42";
    public static final String V1 = "v1 bob 42";
    public static final String V2 = "v2 bob 84";
    public static final String GREETER = "dev.jlivepatch.selftest.apps.basic.Greeter";

    private Fixtures() {
    }

    /** v1 replaces {@code greet}; it has a description. */
    public static Path v1(Path dir) throws IOException {
        return Jars.patch(dir.resolve("v1.jar"), "v1", Map.of("Livepatch-Description", "greets as v1"),
                "dev.jlivepatch.selftest.patches.basic.v1");
    }

    /** v2 replaces {@code greet} and {@code twice}; no description. */
    public static Path v2(Path dir) throws IOException {
        return Jars.patch(dir.resolve("v2.jar"), "v2", Map.of(), "dev.jlivepatch.selftest.patches.basic.v2");
    }
}
