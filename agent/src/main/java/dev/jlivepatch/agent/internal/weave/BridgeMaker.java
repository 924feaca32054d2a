package dev.jlivepatch.agent.internal.weave;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes a bridge: a class in the patch's class loader that implements a
 * {@link Shape} interface by calling one replacement method. Stubs hold an
 * instance of it; once C2 sees the instance as a constant it inlines the
 * replacement through it.
 */
public final class BridgeMaker {

    private BridgeMaker() {
    }

    /**
     * @param name the bridge's internal name, in the patch class's package
     * @param shape the stub's shape
     * @param patchClass the patch class's internal name
     * @param method the replacement's name
     * @param desc the replacement's descriptor
     * @return the class file
     */
    public static byte[] make(String name, Shape shape, String patchClass, String method, String desc) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                name, null, "java/lang/Object", new String[] {shape.interfaceName()});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor call = cw.visitMethod(Opcodes.ACC_PUBLIC, "call", shape.callDesc(), null, null);
        call.visitCode();
        int slot = 1;
        for (Type a : Type.getMethodType(desc).getArgumentTypes()) {
            call.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            if (!Shape.erase(a).equals(a)) {
                call.visitTypeInsn(Opcodes.CHECKCAST, a.getSort() == Type.ARRAY ? a.getDescriptor() : a.getInternalName());
            }
            slot += a.getSize();
        }
        call.visitMethodInsn(Opcodes.INVOKESTATIC, patchClass, method, desc, false);
        call.visitInsn(Type.getMethodType(desc).getReturnType().getOpcode(Opcodes.IRETURN));
        call.visitMaxs(0, 0);
        call.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
