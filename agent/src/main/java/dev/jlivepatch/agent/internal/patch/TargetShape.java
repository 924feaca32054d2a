package dev.jlivepatch.agent.internal.patch;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The declared methods of a target class, whether it is loaded (read by
 * reflection) or loading (read from its class file): what replacements are
 * matched against.
 *
 * @param name the target's internal name
 * @param methods its declared methods, constructors and initialiser included
 */
public record TargetShape(String name, boolean isInterface, List<MethodShape> methods) {

    /** A declared method: name, descriptor, access flags. */
    public record MethodShape(String name, String desc, int access) {
        public boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }
    }

    public static TargetShape of(Class<?> c) {
        List<MethodShape> methods = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            int access = m.getModifiers();
            if (m.isBridge()) {
                access |= Opcodes.ACC_BRIDGE;
            }
            if (m.isSynthetic()) {
                access |= Opcodes.ACC_SYNTHETIC;
            }
            methods.add(new MethodShape(m.getName(), Type.getMethodDescriptor(m), access));
        }
        for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
            methods.add(new MethodShape("<init>", Type.getConstructorDescriptor(k), k.getModifiers()));
        }
        return new TargetShape(Type.getInternalName(c), c.isInterface(), List.copyOf(methods));
    }

    public static TargetShape of(byte[] classFile) {
        List<MethodShape> methods = new ArrayList<>();
        boolean[] isInterface = new boolean[1];
        String[] name = new String[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String n, String sig, String sup, String[] itfs) {
                name[0] = n;
                isInterface[0] = (access & Opcodes.ACC_INTERFACE) != 0;
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String desc, String sig, String[] ex) {
                methods.add(new MethodShape(n, desc, access));
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new TargetShape(name[0], isInterface[0], List.copyOf(methods));
    }
}
