package dev.jlivepatch.agent.internal.weave;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes a bridge class: a hidden class that implements a {@link Shape}
 * interface by invoking the method handle its instance holds (a final field,
 * set by its constructor), the replacement adapted to the shape's erased
 * types. One class serves every replacement of a shape. Stubs hold an
 * instance; once C2 sees the instance as a constant it folds the final field
 * (the JVM trusts final fields of hidden classes) and inlines the replacement
 * through it. The bridge's bytecode names no type of the patch or of its
 * target, so nothing in it can fail to link, and as a hidden class it leaves
 * no frame in stack traces.
 */
public final class BridgeMaker {
    private static final String MH = "java/lang/invoke/MethodHandle";

    private BridgeMaker() {
    }

    /**
     * @param name the bridge's internal name, in the package of the lookup that defines it
     * @param shape the stub's shape
     * @return the class file, to define with {@code defineHiddenClass(bytes, true)}; its constructor takes
     *     the method handle
     */
    public static byte[] make(String name, Shape shape) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                name, null, "java/lang/Object", new String[] {shape.interfaceName()});
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "target", "L" + MH + ";", null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(L" + MH + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitVarInsn(Opcodes.ALOAD, 1);
        init.visitFieldInsn(Opcodes.PUTFIELD, name, "target", "L" + MH + ";");
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor call = cw.visitMethod(Opcodes.ACC_PUBLIC, "call", shape.callDesc(), null, null);
        call.visitCode();
        call.visitVarInsn(Opcodes.ALOAD, 0);
        call.visitFieldInsn(Opcodes.GETFIELD, name, "target", "L" + MH + ";");
        int slot = 1;
        Type callType = Type.getMethodType(shape.callDesc());
        for (Type a : callType.getArgumentTypes()) {
            call.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            slot += a.getSize();
        }
        call.visitMethodInsn(Opcodes.INVOKEVIRTUAL, MH, "invokeExact", shape.callDesc(), false);
        call.visitInsn(callType.getReturnType().getOpcode(Opcodes.IRETURN));
        call.visitMaxs(0, 0);
        call.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
