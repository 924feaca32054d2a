package dev.jlivepatch.selftest.attach.probe;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.MessageDigest;
import java.security.ProtectionDomain;
import java.util.HexFormat;

/**
 * A test agent ({@code -javaagent}) that reads a class's bytes as the JVM has
 * them now: it retransforms the class with a transformer of its own added
 * last, after jlivepatch's, which so sees what every other transformer
 * makes of the class (jlivepatch's stubs included), and keeps its digest.
 * Used to show that a dry run changes no class.
 */
public final class BytesAgent {
    private static volatile Instrumentation inst;

    private BytesAgent() {
    }

    /**
     * @param options unused
     * @param i the instrumentation
     */
    public static void premain(String options, Instrumentation i) {
        inst = i;
    }

    /**
     * @param c a loaded class
     * @return the SHA-256 of its bytes as a retransformation makes them now, in hex
     * @throws Exception if it cannot be retransformed
     */
    public static synchronized String digest(Class<?> c) throws Exception {
        byte[][] seen = new byte[1][];
        ClassFileTransformer t = new ClassFileTransformer() {
            @Override
            public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                    ProtectionDomain domain, byte[] bytes) {
                if (redefined == c) {
                    seen[0] = bytes.clone();
                }
                return null;
            }
        };
        inst.addTransformer(t, true);
        try {
            inst.retransformClasses(c);
        } finally {
            inst.removeTransformer(t);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seen[0]));
    }
}
