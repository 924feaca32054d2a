package dev.jlivepatch.agent.internal.weave;

import java.util.function.ToIntFunction;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves dispatch stubs into the entry of patched methods (the kernel's ftrace
 * call site), and optionally a call to {@code Dispatch.classInit} at the start
 * of the class initialiser. A stub is:
 *
 * <pre>
 *   entry = invokedynamic Dispatch.link | invokedynamic Dispatch.linkNumbered(id) | Dispatch.enter(id) | Dispatch.select(id)
 *   if (entry != null) return ((Call$shape) entry).call(this, args...);
 *   ...original body...
 * </pre>
 *
 * The stub adds no local variable and leaves the original body untouched, so
 * the class's other methods and frames stay as they were.
 */
public final class StubWeaver {
    private static final String DISPATCH = Shape.RUNTIME + "Dispatch";
    private static final Handle LINK = new Handle(Opcodes.H_INVOKESTATIC, DISPATCH, "link",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final Handle LINK_NUMBERED = new Handle(Opcodes.H_INVOKESTATIC, DISPATCH, "linkNumbered",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final int INDY_VERSION = 51;
    private static final int FRAMES_VERSION = 50;

    /** How a class's stubs reach their func sites. */
    public enum Mode {
        /** {@code invokedynamic}, constant-folded outside transitions: application classes. */
        INDY,
        /**
         * The same {@code invokedynamic}, linked by the site's number, so that linking it runs no agent
         * code: classes of the bootstrap and platform loaders that {@code java.lang.invoke}'s linkage does
         * not use ({@link LinkageClasses}).
         */
        INDY_NUMBERED,
        /**
         * A static call with the site's number and a per-thread re-entry guard: the classes of the
         * bootstrap and platform loaders that linkage uses.
         */
        STATIC,
        /** A static call with the site's number, no guard: application class files too old for indy. */
        NUMBERED
    }

    private StubWeaver() {
    }

    /** The major version of a class file. */
    public static int version(byte[] classFile) {
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /**
     * Whether the stubs of a class fold the bridge they call (an {@code invokedynamic} stub outside a
     * transition), or reach it through a read C2 cannot fold (the static path).
     *
     * @param loader the class's defining loader
     * @param name the class, as {@code java.util.HashMap}
     * @return {@code false} for the JDK's linkage set
     */
    public static boolean foldsBridges(ClassLoader loader, String name) {
        return !(loader == null || loader == ClassLoader.getPlatformClassLoader())
                || !LinkageClasses.contains(name.replace('.', '/'));
    }

    /**
     * How the stubs of a class reach their sites.
     *
     * @param loader the class's defining loader
     * @param name the class, as {@code java/util/HashMap} or {@code java.util.HashMap}
     * @param classFile its class file
     * @return the mode
     */
    public static Mode mode(ClassLoader loader, String name, byte[] classFile) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return LinkageClasses.contains(name.replace('.', '/')) ? Mode.STATIC : Mode.INDY_NUMBERED;
        }
        return version(classFile) < INDY_VERSION ? Mode.NUMBERED : Mode.INDY;
    }

    /**
     * Weaves a class.
     *
     * @param classFile the class as the JVM would define it
     * @param stubs keys ({@code name(desc)ret}) of the methods to stub
     * @param mode how stubs reach their sites
     * @param number gives the site number of a key, for {@link Mode#STATIC} and {@link Mode#NUMBERED}
     * @param initHook whether to call {@code Dispatch.classInit} first in {@code <clinit>}
     * @return the woven class file
     */
    public static byte[] weave(byte[] classFile, Iterable<String> stubs, Mode mode, ToIntFunction<String> number,
                               boolean initHook) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        java.util.Set<String> keys = new java.util.HashSet<>();
        stubs.forEach(keys::add);
        java.util.Map<String, Integer> lines = firstLines(reader, keys);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private int version;
            private boolean sawInit;

            @Override
            public void visit(int v, int access, String name, String sig, String sup, String[] itfs) {
                owner = name;
                version = v & 0xffff;
                super.visit(v, access, name, sig, sup, itfs);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                MethodVisitor mv = super.visitMethod(access, name, desc, sig, ex);
                if (name.equals("<clinit>")) {
                    sawInit = true;
                    return initHook && version >= 49 ? new InitHook(mv, owner) : mv;
                }
                String key = name + desc;
                if (!keys.contains(key) || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return mv;
                }
                int id = mode == Mode.INDY ? -1 : number.applyAsInt(key);
                return new Stub(mv, owner, access, desc, key, id, mode, version >= FRAMES_VERSION,
                        lines.getOrDefault(key, 0));
            }

            @Override
            public void visitEnd() {
                if (initHook && !sawInit && version >= 49) {
                    MethodVisitor mv = new InitHook(super.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null),
                            owner);
                    mv.visitCode();
                    mv.visitInsn(Opcodes.RETURN);
                    mv.visitMaxs(0, 0);
                    mv.visitEnd();
                }
                super.visitEnd();
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * The first line number of each stubbed method: the stub's own code gets
     * it, so that a stack trace through a patched method shows the method's
     * line, as it would without the stub.
     */
    private static java.util.Map<String, Integer> firstLines(ClassReader reader, java.util.Set<String> keys) {
        java.util.Map<String, Integer> lines = new java.util.HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                String key = name + desc;
                if (!keys.contains(key)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        lines.putIfAbsent(key, line);
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return lines;
    }

    /** The stub at a method's entry. */
    private static final class Stub extends MethodVisitor {
        private final String owner;
        private final int access;
        private final String desc;
        private final String key;
        private final int id;
        private final boolean indy;
        private final boolean guarded;
        private final boolean frames;
        private final int line;

        Stub(MethodVisitor mv, String owner, int access, String desc, String key, int id, Mode mode,
             boolean frames, int line) {
            super(Opcodes.ASM9, mv);
            this.owner = owner;
            this.access = access;
            this.desc = desc;
            this.key = key;
            this.id = id;
            this.indy = mode == Mode.INDY || mode == Mode.INDY_NUMBERED;
            this.guarded = mode == Mode.STATIC;
            this.frames = frames;
            this.line = line;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (line > 0) {
                Label start = new Label();
                visitLabel(start);
                visitLineNumber(line, start);
            }
            boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
            Shape shape = Shape.of(isStatic, desc);
            Type method = Type.getMethodType(desc);
            Label callStart = new Label();
            Label callEnd = new Label();
            Label handler = new Label();
            if (indy && id < 0) {
                visitInvokeDynamicInsn("jlivepatch", "()Ljava/lang/Object;", LINK, key);
            } else if (indy) {
                visitInvokeDynamicInsn("jlivepatch", "()Ljava/lang/Object;", LINK_NUMBERED, id);
            } else if (guarded) {
                visitTryCatchBlock(callStart, callEnd, handler, null);
                visitLdcInsn(id);
                visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "enter", "(I)Ljava/lang/Object;", false);
            } else {
                visitLdcInsn(id);
                visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "select", "(I)Ljava/lang/Object;", false);
            }
            visitInsn(Opcodes.DUP);
            Label original = new Label();
            visitJumpInsn(Opcodes.IFNULL, original);
            visitTypeInsn(Opcodes.CHECKCAST, shape.interfaceName());
            int slot = 0;
            if (!isStatic) {
                visitVarInsn(Opcodes.ALOAD, slot++);
            }
            for (Type a : method.getArgumentTypes()) {
                visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
                slot += a.getSize();
            }
            visitLabel(callStart);
            visitMethodInsn(Opcodes.INVOKEINTERFACE, shape.interfaceName(), "call", shape.callDesc(), true);
            visitLabel(callEnd);
            if (guarded) {
                visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "exit", "()V", false);
            }
            Type ret = method.getReturnType();
            if (!Shape.erase(ret).equals(ret)) {
                visitTypeInsn(Opcodes.CHECKCAST, ret.getSort() == Type.ARRAY ? ret.getDescriptor() : ret.getInternalName());
            }
            visitInsn(ret.getOpcode(Opcodes.IRETURN));
            Object[] locals = initialLocals(isStatic, method);
            if (guarded) {
                // The replacement threw: leave the site, rethrow.
                visitLabel(handler);
                if (frames) {
                    visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
                }
                visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "exit", "()V", false);
                visitInsn(Opcodes.ATHROW);
            }
            visitLabel(original);
            if (frames) {
                visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Object"});
            }
            visitInsn(Opcodes.POP);
        }

        private Object[] initialLocals(boolean isStatic, Type method) {
            Type[] args = method.getArgumentTypes();
            Object[] locals = new Object[args.length + (isStatic ? 0 : 1)];
            int i = 0;
            if (!isStatic) {
                locals[i++] = owner;
            }
            for (Type a : args) {
                locals[i++] = switch (a.getSort()) {
                    case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
                    case Type.LONG -> Opcodes.LONG;
                    case Type.FLOAT -> Opcodes.FLOAT;
                    case Type.DOUBLE -> Opcodes.DOUBLE;
                    case Type.ARRAY -> a.getDescriptor();
                    default -> a.getInternalName();
                };
            }
            return locals;
        }
    }

    /** {@code Dispatch.classInit(Owner.class)} first in the class initialiser. */
    private static final class InitHook extends MethodVisitor {
        private final String owner;

        InitHook(MethodVisitor mv, String owner) {
            super(Opcodes.ASM9, mv);
            this.owner = owner;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            visitLdcInsn(Type.getObjectType(owner));
            visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCH, "classInit", "(Ljava/lang/Class;)V", false);
        }
    }
}
