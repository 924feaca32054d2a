package dev.jlivepatch.bench.hotswap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Redefines a JDK class ({@code Instrumentation.redefineClasses}, through ByteBuddyAgent) with one static
 * method's body taken from {@link JdkBodies}: the baseline of a patched JDK method, the replacement compiled
 * into the JDK class itself.
 */
public final class JdkCompiledIn {
    private JdkCompiledIn() {
    }

    /**
     * Copies {@code JdkBodies.name(desc)} into {@code target.name(desc)}.
     *
     * @param target the JDK class
     * @param name the static method
     * @param desc its descriptor
     * @throws Exception if the redefinition fails
     */
    public static void redefine(Class<?> target, String name, String desc) throws Exception {
        ClassNode jdk = node(target);
        MethodNode body = find(node(JdkBodies.class), name, desc);
        MethodNode old = find(jdk, name, desc);
        old.instructions = body.instructions;
        old.tryCatchBlocks = body.tryCatchBlocks;
        old.localVariables = null;
        old.maxLocals = body.maxLocals;
        old.maxStack = body.maxStack;
        ClassWriter out = new ClassWriter(0);
        jdk.accept(out);
        Instrumentation inst = ByteBuddyAgent.install();
        inst.redefineClasses(new ClassDefinition(target, out.toByteArray()));
    }

    private static ClassNode node(Class<?> c) throws IOException {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not found");
            }
            ClassNode n = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(n, 0);
            return n;
        }
    }

    private static MethodNode find(ClassNode c, String name, String desc) {
        for (MethodNode m : c.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        throw new IllegalArgumentException(c.name + "." + name + desc + " not found");
    }
}
