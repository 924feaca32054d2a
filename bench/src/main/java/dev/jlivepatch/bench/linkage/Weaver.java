package dev.jlivepatch.bench.linkage;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves the trace into a class: {@code Trace.hit(id)} first in every method with a body (constructors and
 * class initialisers excepted: no patch can replace them), and, around the root methods, {@code Trace.enter}
 * and {@code Trace.exit} (on every return and throw).
 */
final class Weaver {
    private static final String TRACE = "dev/jlivepatch/bench/linkage/Trace";

    private Weaver() {
    }

    /**
     * The woven class.
     *
     * @param bytes the class file
     * @param id the class's id, or -1 to weave only its roots
     * @param roots root kinds by method name (or name + descriptor) of this class; may be empty
     * @return the woven class file
     */
    static byte[] weave(byte[] bytes, int id, Map<String, Integer> roots) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || name.startsWith("<")) {
                    return mv;
                }
                Integer kind = roots.get(name + desc);
                if (kind == null) {
                    kind = roots.get(name);
                }
                if (kind != null) {
                    mv = new Root(mv, kind);
                }
                return id < 0 ? mv : new Hit(mv, id);
            }
        }, roots.isEmpty() ? 0 : ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** {@code Trace.hit(id)} first. */
    private static final class Hit extends MethodVisitor {
        private final int id;

        Hit(MethodVisitor mv, int id) {
            super(Opcodes.ASM9, mv);
            this.id = id;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            visitLdcInsn(id);
            visitMethodInsn(Opcodes.INVOKESTATIC, TRACE, "hit", "(I)V", false);
        }
    }

    /** {@code Trace.enter(kind)} first, {@code Trace.exit(kind)} on every way out. */
    private static final class Root extends MethodVisitor {
        private final int kind;
        private final Label start = new Label();
        private final Label end = new Label();

        Root(MethodVisitor mv, int kind) {
            super(Opcodes.ASM9, mv);
            this.kind = kind;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            exit("enter");
            super.visitLabel(start);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                exit("exit");
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, end, null);
            // Handler: no locals (all TOP), the throwable on the stack.
            super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            exit("exit");
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(maxStack, maxLocals);
        }

        private void exit(String what) {
            super.visitLdcInsn(kind);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TRACE, what, "(I)V", false);
        }
    }
}
