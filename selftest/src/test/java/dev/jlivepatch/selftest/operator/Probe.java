package dev.jlivepatch.selftest.operator;

import dev.jlivepatch.selftest.harness.Jars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The test agent that reads class bytes in the target ({@code attach.probe.BytesAgent}), as a jar. */
final class Probe {

    private Probe() {
    }

    /** The {@code -javaagent} option of the probe, packed into {@code dir}. */
    static String agent(Path dir) throws IOException {
        Path jar = Jars.patch(dir.resolve("probe.jar"), null, Map.of("Premain-Class",
                "dev.jlivepatch.selftest.attach.probe.BytesAgent", "Can-Retransform-Classes", "true"),
                "dev.jlivepatch.selftest.attach.probe");
        return "-javaagent:" + jar;
    }
}
