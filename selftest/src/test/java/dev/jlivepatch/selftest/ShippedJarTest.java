package dev.jlivepatch.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.harness.Run;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/**
 * Opens the shipped agent jar: one self-contained jar whose third-party code
 * is relocated, with the runtime and API only in the nested bootstrap jar.
 */
class ShippedJarTest {

    @Test
    void manifestNamesEveryEntryPoint() throws IOException {
        try (JarFile jar = new JarFile(Run.AGENT.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.jlivepatch.agent.Agent", main.getValue("Premain-Class"));
            assertEquals("dev.jlivepatch.agent.Agent", main.getValue("Agent-Class"));
            assertEquals("dev.jlivepatch.agent.Cli", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }

    @Test
    void everyClassIsOursOrRelocated() throws IOException {
        List<String> stray = new ArrayList<>();
        boolean sawShadedAsm = false;
        boolean sawShadedAttach = false;
        try (JarFile jar = new JarFile(Run.AGENT.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String n = e.getName();
                if (!n.endsWith(".class")) {
                    continue;
                }
                sawShadedAsm |= n.startsWith("dev/jlivepatch/internal/shaded/asm/");
                sawShadedAttach |= n.equals("dev/jlivepatch/internal/shaded/bytebuddy/agent/ByteBuddyAgent.class");
                boolean ours = n.startsWith("dev/jlivepatch/agent/") || n.startsWith("dev/jlivepatch/internal/shaded/");
                if (!ours) {
                    stray.add(n);
                }
            }
        }
        assertTrue(stray.isEmpty(), "classes outside dev.jlivepatch.agent and the shaded packages: " + stray);
        assertTrue(sawShadedAsm, "ASM is shaded under dev.jlivepatch.internal.shaded.asm");
        assertTrue(sawShadedAttach, "ByteBuddy's attach (the command line's) is shaded under"
                + " dev.jlivepatch.internal.shaded.bytebuddy");
    }

    @Test
    void runtimeAndApiShipOnlyInTheNestedBootJar() throws IOException {
        List<String> boot = new ArrayList<>();
        try (JarFile jar = new JarFile(Run.AGENT.toFile())) {
            JarEntry nested = jar.getJarEntry("jlivepatch-boot.jar");
            assertNotNull(nested, "jlivepatch-boot.jar is missing");
            try (InputStream in = jar.getInputStream(nested); JarInputStream bootJar = new JarInputStream(in)) {
                for (JarEntry e; (e = bootJar.getNextJarEntry()) != null; ) {
                    if (e.getName().endsWith(".class")) {
                        boot.add(e.getName());
                    }
                }
            }
        }
        assertTrue(boot.contains("dev/jlivepatch/runtime/Dispatch.class"), boot::toString);
        assertTrue(boot.contains("dev/jlivepatch/api/Shadow.class"), boot::toString);
        assertTrue(boot.stream().allMatch(n -> n.startsWith("dev/jlivepatch/runtime/") || n.startsWith("dev/jlivepatch/api/")),
                "the bootstrap jar holds only the runtime and the API: " + boot);
    }
}
