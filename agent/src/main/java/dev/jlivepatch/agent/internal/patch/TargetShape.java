package dev.jlivepatch.agent.internal.patch;

import java.lang.annotation.Annotation;
import java.lang.annotation.AnnotationFormatError;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
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
 * @param isInterface whether the target is an interface
 * @param isPublic whether the target is public (other runtime packages can name it)
 * @param superName its superclass's internal name ({@code null} for {@code Object} and interfaces' none)
 * @param methods its declared methods, constructors and initialiser included
 */
public record TargetShape(String name, boolean isInterface, boolean isPublic, String superName,
                          List<MethodShape> methods) {
    /**
     * The annotation the JDK puts on every method HotSpot may replace by an
     * intrinsic (HotSpot's CheckIntrinsics keeps the two in step): the JDK 16+
     * name, and the name before JDK 16.
     */
    static final Set<String> INTRINSIC_CANDIDATE = Set.of("jdk.internal.vm.annotation.IntrinsicCandidate",
            "jdk.internal.HotSpotIntrinsicCandidate");

    /**
     * A declared method.
     *
     * @param name its name
     * @param desc its descriptor
     * @param access its access flags, {@code ACC_BRIDGE} and {@code ACC_SYNTHETIC} included
     * @param intrinsic whether it carries {@code @IntrinsicCandidate}: compiled code may run the
     *     JVM's own implementation instead of its bytecode
     * @param bridgeTo for a bridge method, the method it calls; {@code null} otherwise, or when
     *     that cannot be told
     */
    public record MethodShape(String name, String desc, int access, boolean intrinsic, Ref bridgeTo) {
        /** Whether the method is static. */
        public boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        /** Whether the compiler generated the method as a bridge (generics, covariant returns, access). */
        public boolean isBridge() {
            return (access & Opcodes.ACC_BRIDGE) != 0;
        }
    }

    /**
     * A method of this or another class.
     *
     * @param owner the declaring class's internal name
     * @param name the method's name
     * @param desc the method's descriptor
     */
    public record Ref(String owner, String name, String desc) {
    }

    /** The shape of a loaded class, read by reflection. */
    public static TargetShape of(Class<?> c) {
        List<MethodShape> methods = new ArrayList<>();
        String owner = Type.getInternalName(c);
        Method[] declared = c.getDeclaredMethods();
        for (Method m : declared) {
            int access = m.getModifiers();
            if (m.isBridge()) {
                access |= Opcodes.ACC_BRIDGE;
            }
            if (m.isSynthetic()) {
                access |= Opcodes.ACC_SYNTHETIC;
            }
            methods.add(new MethodShape(m.getName(), Type.getMethodDescriptor(m), access, intrinsic(m),
                    m.isBridge() ? bridged(c, declared, m) : null));
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            methods.add(new MethodShape("<init>", Type.getConstructorDescriptor(k), k.getModifiers(), intrinsic(k),
                    null));
        }
        return new TargetShape(owner, c.isInterface(), java.lang.reflect.Modifier.isPublic(c.getModifiers()),
                c.getSuperclass() == null ? null : Type.getInternalName(c.getSuperclass()), List.copyOf(methods));
    }

    private static boolean intrinsic(Executable e) {
        // Annotations of java.base parse from any module: the annotation's package need not be
        // exported for its type to load and for the annotation to be read (tested on JDK 17 and 25).
        Annotation[] annotations;
        try {
            annotations = e.getDeclaredAnnotations();
        } catch (AnnotationFormatError | RuntimeException malformed) {
            // Only an application class can have malformed annotations, and only JDK classes have intrinsics.
            return false;
        }
        for (Annotation a : annotations) {
            if (INTRINSIC_CANDIDATE.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The method a bridge calls, told from types as reflection cannot read code: the one
     * non-bridge method of the class with the bridge's name whose parameters and return type the
     * bridge's widen (generics, covariant returns), else the method with the bridge's signature in
     * a superclass (a public method inherited from a package-private class).
     */
    private static Ref bridged(Class<?> c, Method[] declared, Method bridge) {
        Method found = null;
        for (Method m : declared) {
            if (!m.isBridge() && m.getName().equals(bridge.getName()) && widens(bridge, m)) {
                if (found != null) {
                    return null;
                }
                found = m;
            }
        }
        if (found != null) {
            return new Ref(Type.getInternalName(c), found.getName(), Type.getMethodDescriptor(found));
        }
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            for (Method m : s.getDeclaredMethods()) {
                if (!m.isBridge() && m.getName().equals(bridge.getName())
                        && Type.getMethodDescriptor(m).equals(Type.getMethodDescriptor(bridge))) {
                    return new Ref(Type.getInternalName(s), m.getName(), Type.getMethodDescriptor(m));
                }
            }
        }
        return null;
    }

    private static boolean widens(Method bridge, Method m) {
        Class<?>[] bp = bridge.getParameterTypes();
        Class<?>[] mp = m.getParameterTypes();
        if (bp.length != mp.length || !bridge.getReturnType().isAssignableFrom(m.getReturnType())) {
            return false;
        }
        for (int i = 0; i < bp.length; i++) {
            if (!bp[i].isAssignableFrom(mp[i])) {
                return false;
            }
        }
        return true;
    }

    /** The shape of a class file, for a class not loaded yet. */
    public static TargetShape of(byte[] classFile) {
        List<MethodShape> methods = new ArrayList<>();
        boolean[] flags = new boolean[2];
        String[] names = new String[2];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String n, String sig, String sup, String[] itfs) {
                names[0] = n;
                names[1] = sup;
                flags[0] = (access & Opcodes.ACC_INTERFACE) != 0;
                flags[1] = (access & Opcodes.ACC_PUBLIC) != 0;
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String desc, String sig, String[] ex) {
                return new MethodReader(access, n, desc, methods);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new TargetShape(names[0], flags[0], flags[1], names[1], List.copyOf(methods));
    }

    /** One method of a class file: its annotations and, for a bridge, the method its code calls. */
    private static final class MethodReader extends MethodVisitor {
        private final int access;
        private final String name;
        private final String desc;
        private final List<MethodShape> out;
        private boolean intrinsic;
        private Ref bridgeTo;

        MethodReader(int access, String name, String desc, List<MethodShape> out) {
            super(Opcodes.ASM9);
            this.access = access;
            this.name = name;
            this.desc = desc;
            this.out = out;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
            // RuntimeVisibleAnnotations only: the JDK's annotation is RUNTIME-retained.
            intrinsic |= visible && INTRINSIC_CANDIDATE.contains(Type.getType(annotation).getClassName());
            return null;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
            // A bridge casts its arguments and calls the bridged method, which has its name.
            if ((access & Opcodes.ACC_BRIDGE) != 0 && bridgeTo == null && n.equals(name)) {
                bridgeTo = new Ref(owner, n, d);
            }
        }

        @Override
        public void visitEnd() {
            out.add(new MethodShape(name, desc, access, intrinsic, bridgeTo));
        }
    }
}
