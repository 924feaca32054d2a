package dev.jlivepatch.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Puts the stub runtime and the patch API into the bootstrap class loader,
 * once per JVM, before any agent class that uses them loads. They ship inside
 * the agent jar as a nested jar, not as classes, so that the system class
 * loader can never define a second copy.
 *
 * <p>They are defined straight from memory ({@link BootDefiner}), not by
 * appending a jar to the bootstrap search path: an append makes the JVM print
 * a class-data-sharing warning into the application's own output and turns
 * sharing off for every application class loaded afterwards, and it needs a
 * file on disk that nobody else may ever write.
 */
public final class Bootstrap {
    static final String BOOT_JAR = "/jlivepatch-boot.jar";

    private Bootstrap() {
    }

    /** Defines the runtime in the bootstrap loader unless an earlier attach did. */
    public static synchronized void install(Instrumentation inst) {
        if (present()) {
            return;
        }
        Map<String, byte[]> classes = read();
        BootDefiner.open(inst).defineAll(classes);
    }

    private static boolean present() {
        try {
            Class.forName("dev.jlivepatch.runtime.Dispatch", false, null);
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /** The nested jar's classes, by internal name. */
    private static Map<String, byte[]> read() {
        Map<String, byte[]> out = new HashMap<>();
        try (InputStream raw = Bootstrap.class.getResourceAsStream(BOOT_JAR)) {
            if (raw == null) {
                throw new IllegalStateException("the agent jar lacks " + BOOT_JAR + "; was it built with mvn package?");
            }
            try (JarInputStream jar = new JarInputStream(raw)) {
                for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                    String name = e.getName();
                    if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                        out.put(name.substring(0, name.length() - ".class".length()), jar.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jlivepatch runtime from the agent jar", e);
        }
        return out;
    }
}
