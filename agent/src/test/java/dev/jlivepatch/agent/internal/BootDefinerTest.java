package dev.jlivepatch.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/** The define order's hand-read supertypes agree with ASM on classes with every kind of constant. */
class BootDefinerTest {

    @Test
    void supertypesAsAsmReadsThem() throws IOException {
        for (Class<?> c : List.of(java.util.ArrayList.class, java.util.concurrent.ConcurrentHashMap.class,
                java.lang.invoke.MethodHandles.class, Double.class, Runnable.class, BootDefinerTest.class,
                java.time.LocalDate.class)) {
            byte[] bytes;
            try (InputStream in = ClassLoader.getSystemResourceAsStream(c.getName().replace('.', '/') + ".class")) {
                bytes = in.readAllBytes();
            }
            ClassReader r = new ClassReader(bytes);
            List<String> expected = new ArrayList<>();
            if (r.getSuperName() != null) {
                expected.add(r.getSuperName());
            }
            expected.addAll(List.of(r.getInterfaces()));
            assertEquals(expected, BootDefiner.supertypes(bytes), c.getName());
        }
    }
}
