package dev.jlivepatch.agent.internal.core;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * The class file a transformer returns to refuse a class as it loads. A
 * transformer cannot throw (the JVM ignores what it throws), and a class that
 * fails its initialisation stays failed for good; a class whose definition
 * fails was never defined, so its loader can define it again once the patch
 * is gone, as the kernel lets a refused module load again. This file names
 * another class than the one being defined, so the definition fails with
 * {@code NoClassDefFoundError: C (wrong name: REASON)}: the reason is the
 * name, in the class-file form the JVM accepts.
 */
final class RefusedClassFile {

    private RefusedClassFile() {
    }

    static byte[] of(String reason) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name(reason), null, "java/lang/Object", null);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The reason as an internal class name: no '.', ';' or '[', and no empty segment between '/'. */
    static String name(String reason) {
        String s = reason.replace('.', '/').replace(';', ',').replace('[', '(');
        while (s.contains("//")) {
            s = s.replace("//", "/");
        }
        if (s.startsWith("/")) {
            s = s.substring(1);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.isEmpty() ? "refused" : s;
    }
}
