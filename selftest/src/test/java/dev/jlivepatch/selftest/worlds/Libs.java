package dev.jlivepatch.selftest.worlds;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The jars of the real artifacts the worlds scenarios run next to (ByteBuddy,
 * JaCoCo, Tomcat): Maven resolved them from Maven Central as test
 * dependencies; the forked JVMs get them by path.
 */
final class Libs {
    private Libs() {
    }

    /** The jar on the test class path that holds this class. */
    static Path jarOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, Libs.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError("no jar for " + className + " on the test class path", e);
        }
    }

    static Path jacocoAgent() {
        return jarOf("org.jacoco.agent.rt.RT");
    }

    static Path jacocoCore() {
        return jarOf("org.jacoco.core.data.ExecutionDataReader");
    }

    static Path byteBuddy() {
        return jarOf("net.bytebuddy.ByteBuddy");
    }

    static Path tomcat() {
        return jarOf("org.apache.catalina.startup.Tomcat");
    }

    static Path annotationsApi() {
        return jarOf("jakarta.annotation.PostConstruct");
    }
}
