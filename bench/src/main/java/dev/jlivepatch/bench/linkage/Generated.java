package dev.jlivepatch.bench.linkage;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A class generated with the linkage javac does not emit: dynamic constants of every
 * {@code ConstantBootstraps} kind, method handle and method type constants, a custom bootstrap with
 * static arguments of each kind, {@code altMetafactory}, {@code makeConcat}, and (JDK 21+) the switch
 * bootstraps. Each is an {@code ldc} or {@code invokedynamic} the JVM links when it first runs.
 */
final class Generated {
    private static final String NAME = "dev/jlivepatch/bench/linkage/Gen";
    private static final String CB = "java/lang/invoke/ConstantBootstraps";
    private static final String LOOKUP = "Ljava/lang/invoke/MethodHandles$Lookup;";
    private static final String OWN = "dev/jlivepatch/bench/linkage/Workload";

    private Generated() {
    }

    /**
     * The custom bootstrap: a constant call site returning its name.
     *
     * @param l the caller
     * @param name the name
     * @param type {@code ()Object}
     * @param args the static arguments
     * @return the call site
     */
    public static CallSite bsm(MethodHandles.Lookup l, String name, MethodType type, Object... args) {
        return new ConstantCallSite(MethodHandles.constant(Object.class, name + args.length).asType(type));
    }

    static void run() throws Throwable {
        Class<?> gen = MethodHandles.lookup().defineClass(bytes());
        Object[] all = (Object[]) gen.getMethod("all").invoke(null);
        StringBuilder b = new StringBuilder();
        for (Object o : all) {
            b.append(o).append(' ');
        }
        if (Runtime.version().feature() >= 21) {
            b.append(gen.getMethod("switches", Object.class, Workload.Kind.class).invoke(null, "s",
                    Workload.Kind.TWO));
        }
        System.out.println("generated: " + b.length() + " chars");
    }

    private static byte[] bytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, NAME, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "s", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PUBLIC, "f", "J", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "all", "()[Ljava/lang/Object;",
                null, null);
        mv.visitCode();
        Object[] constants = {
            condy("nullConstant", "Ljava/lang/Object;"),
            condy("primitiveClass", "Ljava/lang/Class;"),
            // The targets of these three are the workload's own, so that what they run is not counted.
            new ConstantDynamic("ONE", "L" + OWN + "$Kind;", cb("enumConstant", "Ljava/lang/Enum;")),
            new ConstantDynamic("SINK", "Ljava/util/List;", cb("getStaticFinal", "Ljava/lang/Object;",
                    "Ljava/lang/Class;"), Type.getObjectType(OWN)),
            new ConstantDynamic("inv", "Ljava/lang/Object;", cb("invoke", "Ljava/lang/Object;",
                    "Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;"), new Handle(Opcodes.H_INVOKESTATIC,
                    OWN, "twice", "(I)I", false), 42),
            new ConstantDynamic("f", "Ljava/lang/invoke/VarHandle;", cb("fieldVarHandle",
                    "Ljava/lang/invoke/VarHandle;", "Ljava/lang/Class;Ljava/lang/Class;"), Type.getObjectType(NAME),
                    primitive("J")),
            new ConstantDynamic("s", "Ljava/lang/invoke/VarHandle;", cb("staticFieldVarHandle",
                    "Ljava/lang/invoke/VarHandle;", "Ljava/lang/Class;Ljava/lang/Class;"), Type.getObjectType(NAME),
                    primitive("I")),
            new ConstantDynamic("a", "Ljava/lang/invoke/VarHandle;", cb("arrayVarHandle",
                    "Ljava/lang/invoke/VarHandle;", "Ljava/lang/Class;"), Type.getType(long[].class)),
            new ConstantDynamic("cast", "Ljava/lang/Object;", cb("explicitCast", "Ljava/lang/Object;",
                    "Ljava/lang/Object;"), 7),
            new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Integer", "sum", "(II)I", false),
            new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/String", "length", "()I", false),
            new Handle(Opcodes.H_INVOKEINTERFACE, "java/util/List", "size", "()I", true),
            new Handle(Opcodes.H_NEWINVOKESPECIAL, "java/util/ArrayList", "<init>", "()V", false),
            new Handle(Opcodes.H_GETFIELD, NAME, "f", "J", false),
            new Handle(Opcodes.H_PUTSTATIC, NAME, "s", "I", false),
            Type.getMethodType("(IJLjava/lang/String;)[Ljava/lang/Object;"),
        };
        int n = constants.length + 4;
        mv.visitLdcInsn(n);
        mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        int i = 0;
        for (Object c : constants) {
            mv.visitInsn(Opcodes.DUP);
            mv.visitLdcInsn(i++);
            mv.visitLdcInsn(c);
            mv.visitInsn(Opcodes.AASTORE);
        }
        Handle bsm = new Handle(Opcodes.H_INVOKESTATIC, "dev/jlivepatch/bench/linkage/Generated", "bsm",
                "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        store(mv, i++, () -> mv.visitInvokeDynamicInsn("custom", "()Ljava/lang/Object;", bsm, 1, 2L, 3.0f, 4.0,
                "five", Type.getType(String.class), Type.getMethodType("()V"), constants[9]));
        Handle alt = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory", "altMetafactory",
                "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        store(mv, i++, () -> mv.visitInvokeDynamicInsn("get", "()Ljava/util/function/Supplier;", alt,
                Type.getMethodType("()Ljava/lang/Object;"), new Handle(Opcodes.H_NEWINVOKESPECIAL,
                        "java/util/ArrayList", "<init>", "()V", false), Type.getMethodType("()Ljava/util/ArrayList;"),
                1 | 2 | 4, 1, Type.getType(Cloneable.class), 1, Type.getMethodType("()Ljava/util/List;")));
        Handle concat = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcat",
                "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
        store(mv, i++, () -> {
            mv.visitLdcInsn(1);
            mv.visitLdcInsn(2L);
            mv.visitLdcInsn("three");
            mv.visitInvokeDynamicInsn("concat", "(IJLjava/lang/String;)Ljava/lang/String;", concat);
        });
        store(mv, i, () -> mv.visitLdcInsn(Type.getType("[[Ljava/lang/String;")));
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        switches(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code SwitchBootstraps.typeSwitch} and {@code enumSwitch} (JDK 21+; never run on older ones). */
    private static void switches(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "switches",
                "(Ljava/lang/Object;L" + OWN + "$Kind;)I", null, null);
        mv.visitCode();
        String sb = "java/lang/runtime/SwitchBootstraps";
        String desc = "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
                + "Ljava/lang/invoke/CallSite;";
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInvokeDynamicInsn("typeSwitch", "(Ljava/lang/Object;I)I",
                new Handle(Opcodes.H_INVOKESTATIC, sb, "typeSwitch", desc, false), Type.getType(Integer.class),
                Type.getType(String.class));
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInvokeDynamicInsn("enumSwitch", "(L" + OWN + "$Kind;I)I",
                new Handle(Opcodes.H_INVOKESTATIC, sb, "enumSwitch", desc, false), "ONE", "TWO");
        mv.visitInsn(Opcodes.IADD);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void store(MethodVisitor mv, int index, Runnable push) {
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(index);
        push.run();
        mv.visitInsn(Opcodes.AASTORE);
    }

    private static ConstantDynamic condy(String bootstrap, String type) {
        return new ConstantDynamic(bootstrap.equals("primitiveClass") ? "I" : "_", type, cb(bootstrap, type));
    }

    private static ConstantDynamic primitive(String descriptor) {
        return new ConstantDynamic(descriptor, "Ljava/lang/Class;", cb("primitiveClass", "Ljava/lang/Class;"));
    }

    private static Handle cb(String name, String ret) {
        return cb(name, ret, "");
    }

    private static Handle cb(String name, String ret, String extra) {
        return new Handle(Opcodes.H_INVOKESTATIC, CB, name,
                "(" + LOOKUP + "Ljava/lang/String;Ljava/lang/Class;" + extra + ")" + ret, false);
    }
}
