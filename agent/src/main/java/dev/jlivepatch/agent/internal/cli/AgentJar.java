package dev.jlivepatch.agent.internal.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The jar this command line runs from: the agent that {@code load} attaches. */
final class AgentJar {

    private AgentJar() {
    }

    static Path path() throws Failure {
        Path p;
        try {
            p = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            throw Failure.failed("cannot tell which jar this command runs from (" + e + "); run it as "
                    + Usage.PROGRAM);
        }
        if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            throw Failure.failed("this command runs from " + p + ", not from jlivepatch.jar, and attach loads"
                    + " that jar into the target: run it as " + Usage.PROGRAM);
        }
        return p;
    }
}
