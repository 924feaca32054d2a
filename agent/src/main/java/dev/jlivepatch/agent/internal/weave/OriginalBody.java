package dev.jlivepatch.agent.internal.weave;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A copy of a target method's original body, as a static method of a class
 * of its own ({@code @Original}: a retransformation cannot add a method to
 * the target, so the code that a stub now skips lives on here). An instance
 * method becomes static with the receiver first, which keeps every local in
 * its slot. The lambda bodies it uses are copied with it, and so are the
 * bootstrap methods of its dynamic constants that the target declares (an
 * instrumenter's, such as JaCoCo's probe-array bootstrap); its method
 * references to the target's other methods go through small static methods
 * that call them, so that they run what those methods run now. The copy names
 * the target's members directly: the patch's class loader rewrites it like
 * any patch class, so that those uses reach them with the target's access.
 */
public final class OriginalBody {

    private OriginalBody() {
    }

    /**
     * @param classFile the target's original class file
     * @param key the method, as {@code name(desc)ret}
     * @param copyName the copy class's internal name
     * @return the copy class's file; its method has the target method's name and its descriptor with the
     *     receiver first for an instance method
     * @throws IllegalArgumentException if the class file has no such method with a body
     */
    public static byte[] copy(byte[] classFile, String key, String copyName) {
        ClassNode target = new ClassNode();
        new ClassReader(classFile).accept(target, ClassReader.SKIP_FRAMES);
        Map<String, MethodNode> methods = new HashMap<>();
        target.methods.forEach(m -> methods.put(m.name + m.desc, m));
        MethodNode start = methods.get(key);
        if (start == null || start.instructions.size() == 0) {
            throw new IllegalArgumentException(target.name.replace('/', '.') + " has no method " + key + " with a body");
        }
        ClassNode copy = new ClassNode();
        copy.visit(Math.max(Opcodes.V11, target.version & 0xffff), Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL
                | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, copyName, null, "java/lang/Object", null);
        copy.sourceFile = target.sourceFile;
        Set<String> done = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(key);
        int refs = 0;
        while (!todo.isEmpty()) {
            String k = todo.poll();
            if (!done.add(k)) {
                continue;
            }
            MethodNode m = asStatic(target.name, methods.get(k));
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof LdcInsnNode l && l.cst instanceof ConstantDynamic c) {
                    l.cst = bootstrapsCopied(c, target.name, copyName, methods, todo);
                }
                if (insn instanceof InvokeDynamicInsnNode d) {
                    d.bsm = bootstrapCopied(d.bsm, target.name, copyName, methods, todo);
                    for (int i = 0; i < d.bsmArgs.length; i++) {
                        if (d.bsmArgs[i] instanceof ConstantDynamic c) {
                            d.bsmArgs[i] = bootstrapsCopied(c, target.name, copyName, methods, todo);
                        }
                    }
                    for (int i = 0; i < d.bsmArgs.length; i++) {
                        if (!(d.bsmArgs[i] instanceof Handle h) || !h.getOwner().equals(target.name)
                                || h.getTag() < Opcodes.H_INVOKEVIRTUAL) {
                            continue; // not a method of the target (field handles are refused on load)
                        }
                        MethodNode body = methods.get(h.getName() + h.getDesc());
                        if (body != null && (body.access & Opcodes.ACC_SYNTHETIC) != 0) {
                            todo.add(h.getName() + h.getDesc()); // a lambda body: it is part of this code
                            d.bsmArgs[i] = staticHandle(copyName, target.name, h, h.getName());
                        } else {
                            String via = "ref$" + refs++;
                            copy.methods.add(callThrough(target.name, h, via));
                            d.bsmArgs[i] = staticHandle(copyName, target.name, h, via);
                        }
                    }
                }
            }
            copy.methods.add(m);
        }
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        copy.accept(cw);
        return cw.toByteArray();
    }

    /**
     * A dynamic constant whose bootstrap method (or a nested constant's) is a static method of the target:
     * another instrumenter's, such as JaCoCo's {@code $jacocoInit}, which hands each class its probe array.
     * The copy cannot call it (it is private, or package-private in another runtime package), so it is
     * copied with the body, as lambda bodies are; the copy's own uses of the target are then rewritten.
     */
    private static ConstantDynamic bootstrapsCopied(ConstantDynamic c, String owner, String copyName,
                                                    Map<String, MethodNode> methods, Deque<String> todo) {
        Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
        for (int i = 0; i < args.length; i++) {
            Object a = c.getBootstrapMethodArgument(i);
            args[i] = a instanceof ConstantDynamic nested
                    ? bootstrapsCopied(nested, owner, copyName, methods, todo) : a;
        }
        return new ConstantDynamic(c.getName(), c.getDescriptor(),
                bootstrapCopied(c.getBootstrapMethod(), owner, copyName, methods, todo), args);
    }

    /** A bootstrap method handle to a static method of the target becomes one to its copy (see above). */
    private static Handle bootstrapCopied(Handle h, String owner, String copyName, Map<String, MethodNode> methods,
                                          Deque<String> todo) {
        MethodNode body = methods.get(h.getName() + h.getDesc());
        if (!h.getOwner().equals(owner) || h.getTag() != Opcodes.H_INVOKESTATIC || body == null
                || body.instructions.size() == 0) {
            return h;
        }
        todo.add(h.getName() + h.getDesc());
        return new Handle(Opcodes.H_INVOKESTATIC, copyName, h.getName(), h.getDesc(), false);
    }

    /** The method as a static one, the receiver first; its frames are dropped and computed again on load. */
    private static MethodNode asStatic(String owner, MethodNode m) {
        boolean instance = (m.access & Opcodes.ACC_STATIC) == 0;
        String desc = instance ? "(L" + owner + ";" + m.desc.substring(1) : m.desc;
        int access = Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC | (m.access & Opcodes.ACC_VARARGS)
                | Opcodes.ACC_SYNTHETIC;
        MethodNode out = new MethodNode(Opcodes.ASM9, access, m.name, desc, null,
                m.exceptions.toArray(new String[0]));
        m.accept(out);
        out.access = access;
        out.desc = desc;
        out.localVariables = null; // their descriptors name 'this'; none is needed to run
        out.visibleAnnotations = null;
        out.invisibleAnnotations = null;
        out.visibleParameterAnnotations = null;
        out.invisibleParameterAnnotations = null;
        return out;
    }

    /** A handle to the copy's static method in place of one to the target's method. */
    private static Handle staticHandle(String copyName, String owner, Handle h, String name) {
        boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC;
        String desc = instance ? "(L" + owner + ";" + h.getDesc().substring(1) : h.getDesc();
        return new Handle(Opcodes.H_INVOKESTATIC, copyName, name, desc, false);
    }

    /** A static method that calls the target's method a method reference names, as code calling it would. */
    private static MethodNode callThrough(String owner, Handle h, String name) {
        boolean construct = h.getTag() == Opcodes.H_NEWINVOKESPECIAL;
        boolean instance = h.getTag() != Opcodes.H_INVOKESTATIC && !construct;
        String desc = instance ? "(L" + owner + ";" + h.getDesc().substring(1)
                : construct ? h.getDesc().substring(0, h.getDesc().indexOf(')') + 1) + "L" + owner + ";" : h.getDesc();
        MethodNode m = new MethodNode(Opcodes.ASM9, Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE
                | Opcodes.ACC_SYNTHETIC, name, desc, null, null);
        InsnList code = m.instructions;
        if (construct) {
            code.add(new org.objectweb.asm.tree.TypeInsnNode(Opcodes.NEW, owner));
            code.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (Type a : Type.getArgumentTypes(desc)) {
            code.add(new VarInsnNode(a.getOpcode(Opcodes.ILOAD), slot));
            slot += a.getSize();
        }
        int op = switch (h.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> Opcodes.INVOKEVIRTUAL;
        };
        code.add(new MethodInsnNode(op, owner, h.getName(), h.getDesc(), h.isInterface()));
        code.add(new InsnNode(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN)));
        return m;
    }
}
