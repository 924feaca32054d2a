package dev.jlivepatch.agent.internal.weave;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
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
    private static final Handle CLASS_DATA = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
            "classData", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
            false);

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

    /**
     * A bridge class of one replacement, for stubs that do not fold the bridge (the static path of the
     * JDK's linkage set): the handle is the class's class data, held in a {@code static final} field, so it
     * is a constant to C2 wherever the bridge's class is known from the call's profile, even when the bridge
     * object is not.
     *
     * @param name the bridge's internal name, in the package of the lookup that defines it
     * @param shape the stub's shape
     * @return the class file, to define with {@code defineHiddenClassWithClassData(bytes, handle, true)}; its
     *     constructor takes no argument
     */
    public static byte[] makeWithClassData(String name, Shape shape) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                name, null, "java/lang/Object", new String[] {shape.interfaceName()});
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "TARGET", "L" + MH + ";", null, null)
                .visitEnd();

        // A static final, set as the class initialises: a constant to C2, linked when the bridge is made.
        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitLdcInsn(new ConstantDynamic("_", "L" + MH + ";", CLASS_DATA));
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, name, "TARGET", "L" + MH + ";");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor call = cw.visitMethod(Opcodes.ACC_PUBLIC, "call", shape.callDesc(), null, null);
        call.visitCode();
        call.visitFieldInsn(Opcodes.GETSTATIC, name, "TARGET", "L" + MH + ";");
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
