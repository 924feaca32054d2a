package dev.jlivepatch.bench.scale;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The generated application and patch of {@code ScaleBench}: classes {@code dev.jlivepatch.bench.gen.T0 ..
 * T(c-1)}, each with static methods {@code int m0(int) .. m(k-1)(int)}, and a patch jar whose class
 * {@code genfix.P<i>} replaces every method of {@code T<i>} ({@code x * (k + 3) + i}, plus one).
 */
public final class Generator {
    /** Package of the generated targets. */
    public static final String TARGETS = "dev/jlivepatch/bench/gen/T";
    private static final String FIXES = "dev/jlivepatch/bench/genfix/P";

    private Generator() {
    }

    /**
     * Writes the target classes under {@code dir}.
     *
     * @param dir a class-path directory
     * @param classes how many classes
     * @param methods methods per class
     * @throws IOException if a file cannot be written
     */
    public static void targets(Path dir, int classes, int methods) throws IOException {
        for (int i = 0; i < classes; i++) {
            Path file = dir.resolve(TARGETS + i + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, type(TARGETS + i, i, methods, 0, null));
        }
    }

    /**
     * Writes the patch jar.
     *
     * @param jar the file
     * @param id the patch id
     * @param classes how many target classes
     * @param methods methods per class
     * @throws IOException if the jar cannot be written
     */
    public static void patch(Path jar, String id, int classes, int methods) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Livepatch-Id", id);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, mf)) {
            for (int i = 0; i < classes; i++) {
                out.putNextEntry(new JarEntry(FIXES + i + ".class"));
                out.write(type(FIXES + i, i, methods, 1, (TARGETS + i).replace('/', '.')));
                out.closeEntry();
            }
        }
    }

    /** A class of {@code methods} static {@code int m<k>(int)}; a patch class when {@code target} is set. */
    private static byte[] type(String name, int i, int methods, int plus, String target) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        if (target != null) {
            AnnotationVisitor a = cw.visitAnnotation("Ldev/jlivepatch/api/Patch;", true);
            a.visit("target", target);
            a.visitEnd();
        }
        for (int k = 0; k < methods; k++) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m" + k, "(I)I", null, null);
            if (target != null) {
                mv.visitAnnotation("Ldev/jlivepatch/api/Replace;", true).visitEnd();
            }
            mv.visitCode();
            mv.visitVarInsn(Opcodes.ILOAD, 0);
            mv.visitLdcInsn(k + 3);
            mv.visitInsn(Opcodes.IMUL);
            mv.visitLdcInsn(i + plus);
            mv.visitInsn(Opcodes.IADD);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        return cw.toByteArray();
    }
}
