package dev.jlivepatch.agent.internal.weave;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The calling shape of a patched method: its parameters (receiver first) and
 * return type, references erased to {@code Object}. Stubs call replacements
 * through an interface of the shape ({@code dev.jlivepatch.runtime.Call$..}),
 * defined once per JVM on the bootstrap loader so that every class sees it.
 */
public record Shape(String interfaceName, String callDesc) {
    public static final String RUNTIME = "dev/jlivepatch/runtime/";

    public static Shape of(boolean isStatic, String desc) {
        Type t = Type.getMethodType(desc);
        StringBuilder name = new StringBuilder(RUNTIME).append("Call$");
        StringBuilder call = new StringBuilder("(");
        if (!isStatic) {
            name.append('L');
            call.append("Ljava/lang/Object;");
        }
        for (Type a : t.getArgumentTypes()) {
            name.append(code(a));
            call.append(erase(a).getDescriptor());
        }
        name.append('$').append(code(t.getReturnType()));
        call.append(')').append(erase(t.getReturnType()).getDescriptor());
        return new Shape(name.toString(), call.toString());
    }

    /** The interface's class file: {@code public interface Call$.. { R call(..); }}. */
    public byte[] interfaceBytes() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT,
                interfaceName, null, "java/lang/Object", null);
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_ABSTRACT, "call", callDesc, null, null).visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    public String binaryName() {
        return interfaceName.replace('/', '.');
    }

    static Type erase(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? Type.getObjectType("java/lang/Object") : t;
    }

    private static char code(Type t) {
        return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY ? 'L' : t.getDescriptor().charAt(0);
    }
}
