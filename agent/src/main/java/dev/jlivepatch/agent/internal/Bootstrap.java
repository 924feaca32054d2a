package dev.jlivepatch.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the stub runtime and the patch API on the bootstrap class path, once
 * per JVM, before any agent class that uses them loads. They ship inside the
 * agent jar as a nested jar, not as classes, so that the system class loader
 * can never define a second copy.
 */
public final class Bootstrap {
    static final String BOOT_JAR = "/jlivepatch-boot.jar";

    private Bootstrap() {
    }

    public static synchronized void install(Instrumentation inst) {
        try {
            Class.forName("dev.jlivepatch.runtime.Dispatch", false, null);
            return; // a previous attach already installed it
        } catch (ClassNotFoundException absent) {
            // install below
        }
        try (InputStream in = Bootstrap.class.getResourceAsStream(BOOT_JAR)) {
            if (in == null) {
                throw new IllegalStateException("the agent jar lacks " + BOOT_JAR + "; was it built with mvn package?");
            }
            Path jar = Files.createTempFile("jlivepatch-boot-", ".jar");
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            jar.toFile().deleteOnExit();
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the jlivepatch runtime", e);
        }
    }
}
