package dev.jlivepatch.fuzztest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** Hostile content for patch jars: class files built to strain a parser, and zip bombs. */
public final class Hostile {
    private Hostile() {
    }

    /** A class whose one annotation nests arrays {@code depth} deep (recursion in a parser). */
    public static byte[] deepAnnotation(String name, int depth) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        List<AnnotationVisitor> open = new ArrayList<>();
        AnnotationVisitor av = cw.visitAnnotation("Lfuzz/Deep;", true);
        open.add(av);
        av = av.visitArray("value");
        open.add(av);
        for (int i = 0; i < depth; i++) {
            av = av.visitArray(null);
            open.add(av);
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class with {@code count} constant-pool strings, each {@code size} bytes. */
    public static byte[] bigConstantPool(String name, int count, int size) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        char[] pad = new char[Math.max(0, size - 6)];
        Arrays.fill(pad, 'x');
        String base = new String(pad);
        for (int i = 0; i < count; i++) {
            cw.newUTF8(String.format("%06d", i) + base);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class with {@code count} empty static methods. */
    public static byte[] manyMethods(String name, int count) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
        for (int i = 0; i < count; i++) {
            var m = cw.visitMethod(Opcodes.ACC_STATIC, "m" + i, "()V", null, null);
            m.visitCode();
            m.visitInsn(Opcodes.RETURN);
            m.visitMaxs(0, 0);
            m.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code size} zero bytes: deflated about a thousand times smaller. */
    public static byte[] zeros(int size) {
        return new byte[size];
    }
}
