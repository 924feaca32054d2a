package dev.jlivepatch.agent.internal.weave;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Rewrites a class of a patch jar before it is defined (the kernel's livepatch
 * relocations). The patch classes live in their own class loader, a runtime
 * package apart from the target's, so two things the source compiled against
 * do not link there:
 * <ul>
 *   <li>members of the target's package that are private or package-private:
 *       every use of a member of a class of that package ({@code @TargetField}
 *       and {@code @TargetMethod} accessors included), and every construction
 *       of such a class, becomes an {@code invokedynamic} that
 *       {@code dev.jlivepatch.runtime.Access} links to a method handle with
 *       the target's access;</li>
 *   <li>package-private types: each is erased to its nearest accessible
 *       superclass throughout the class (descriptors, frames, local types),
 *       and its casts, {@code instanceof} tests, arrays and class literals go
 *       through {@code Access} too, with the real type.</li>
 * </ul>
 * Every {@code Access} use is listed in the result, so that the loader can
 * link them all while the patch is being enabled.
 */
public final class PatchClassRewriter {
    private static final Handle ACCESS = new Handle(Opcodes.H_INVOKESTATIC, Shape.RUNTIME + "Access", "member",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I"
                    + "Ljava/lang/String;)Ljava/lang/invoke/CallSite;", false);
    private static final Handle ORIGINAL = new Handle(Opcodes.H_INVOKESTATIC, Shape.RUNTIME + "Dispatch", "original",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final int FIELD = 1;
    private static final int METHOD = 2;
    private static final int NEW = 3;
    private static final int CAST = 4;
    private static final int INSTANCE_OF = 5;
    private static final int NEW_ARRAY = 6;
    private static final int CLASS = 7;
    private static final int SPECIAL = 8;

    /** Where an accessor's calls go: a member of an owner (binary name). */
    public record Accessor(String member, String owner, boolean field) {
    }

    /**
     * One use routed through {@code Access}: the call site's erased type, the
     * owner's binary name, the kind and the real descriptor.
     */
    public record Use(String member, String type, String owner, int kind, String desc) {
    }

    /** The rewritten class file and its {@code Access} uses. */
    public record Result(byte[] bytes, List<Use> uses) {
    }

    /** What the rewriting asks of the patch's class loader. */
    public interface Context {
        /** @return the accessor methods of a class, by {@code name + desc} */
        Map<String, Accessor> accessors(String className);

        /** @return whether a method of a jar class is an {@code @Original} accessor */
        boolean original(String owner, String name, String desc);

        /**
         * @return for a copy of a target method's original body ({@link OriginalBody}), the target (internal
         *     name), whose private and super methods its {@code invokespecial} calls; null for a patch class
         */
        String specialCaller(String className);

        /** @return whether a class (internal name) is one of the jar's: rewritten alike, never rerouted */
        boolean inJar(String internalName);

        /** @return whether members of this owner (internal name) are reached through {@code Access} */
        boolean reroute(String owner);

        /** @return the accessible stand-in of a type (internal name), itself when it is accessible */
        String erase(String internalName);

        /** @return the loader that resolves names for frames the rewriting has to compute */
        ClassLoader loader();
    }

    /** A use the rewriting cannot route: the patch is refused with this reason. */
    public static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason);
        }
    }

    private PatchClassRewriter() {
    }

    /**
     * @param classFile the patch jar's class
     * @param ctx what the patch's class loader knows
     * @return the rewritten class
     * @throws Unsupported for a use that cannot be routed
     */
    public static Result rewrite(byte[] classFile, Context ctx) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        Remapper remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                return ctx.erase(internalName);
            }
        };
        if (!ctx.erase(node.superName).equals(node.superName)) {
            throw new Unsupported(node.name.replace('/', '.') + " extends " + node.superName.replace('/', '.')
                    + ", which the patch's class loader cannot access (package-private)");
        }
        Rewrite rw = new Rewrite(node.name, ctx, remapper);
        boolean frames = ctx.specialCaller(node.name) != null; // a copy's frames were dropped
        for (MethodNode m : node.methods) {
            frames |= rw.method(m);
        }
        ClassWriter writer = frames ? new LoaderClassWriter(ctx.loader(), node) : new ClassWriter(0);
        node.accept(new ClassRemapper(writer, remapper));
        return new Result(writer.toByteArray(), List.copyOf(rw.uses));
    }

    /** The rewriting of one class's methods. */
    private static final class Rewrite {
        private final String self;
        private final Context ctx;
        private final Remapper remapper;
        final List<Use> uses = new ArrayList<>();

        Rewrite(String self, Context ctx, Remapper remapper) {
            this.self = self;
            this.ctx = ctx;
            this.remapper = remapper;
        }

        /** @return whether the method's frames must be computed anew (a construction was rerouted) */
        boolean method(MethodNode m) {
            String where = self.replace('/', '.') + "." + m.name;
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                if (t.type != null && erased(t.type)) {
                    throw new Unsupported(where + " catches " + t.type.replace('/', '.')
                            + ", which the patch's class loader cannot access (package-private)");
                }
            }
            boolean recompute = false;
            InsnList insns = m.instructions;
            Deque<TypeInsnNode> news = new ArrayDeque<>();
            for (AbstractInsnNode insn = insns.getFirst(); insn != null; ) {
                AbstractInsnNode next = insn.getNext();
                if (insn instanceof TypeInsnNode t) {
                    if (t.getOpcode() == Opcodes.NEW) {
                        news.push(t);
                    } else {
                        typeInsn(insns, t);
                    }
                } else if (insn instanceof MethodInsnNode mi) {
                    recompute |= methodInsn(insns, mi, news, where);
                } else if (insn instanceof FieldInsnNode f) {
                    fieldInsn(insns, f);
                } else if (insn instanceof LdcInsnNode l && l.cst instanceof Type t && t.getSort() != Type.METHOD
                        && erasedType(t)) {
                    insns.set(l, indy("class", "()Ljava/lang/Class;", binary(t), CLASS, "()Ljava/lang/Class;"));
                } else if (insn instanceof MultiANewArrayInsnNode a && erasedType(Type.getType(a.desc))) {
                    throw new Unsupported(where + " creates a multi-dimensional array of a type the patch's class"
                            + " loader cannot access: " + Type.getType(a.desc).getClassName());
                } else if (insn instanceof InvokeDynamicInsnNode d) {
                    checkHandles(d, where);
                }
                insn = next;
            }
            return recompute;
        }

        private void typeInsn(InsnList insns, TypeInsnNode t) {
            Type type = Type.getObjectType(t.desc);
            if (!erasedType(type)) {
                return;
            }
            String owner = binary(type);
            switch (t.getOpcode()) {
                case Opcodes.CHECKCAST -> insns.set(t, indy("cast", "(Ljava/lang/Object;)" + type.getDescriptor(),
                        owner, CAST, "(Ljava/lang/Object;)" + type.getDescriptor()));
                case Opcodes.INSTANCEOF -> insns.set(t, indy("instanceOf", "(Ljava/lang/Object;)Z", owner,
                        INSTANCE_OF, "(Ljava/lang/Object;)Z"));
                default -> { // ANEWARRAY
                    String desc = "(I)[" + type.getDescriptor();
                    insns.set(t, indy("newArray", desc, owner, NEW_ARRAY, desc));
                }
            }
        }

        /** @return whether a construction was rerouted */
        private boolean methodInsn(InsnList insns, MethodInsnNode mi, Deque<TypeInsnNode> news, String where) {
            if (mi.name.equals("<init>")) {
                TypeInsnNode n = news.isEmpty() || !news.peek().desc.equals(mi.owner) ? null : news.pop();
                if (n == null || ctx.inJar(mi.owner) || !(ctx.reroute(mi.owner) || erased(mi.owner))) {
                    return false;
                }
                if (n.getNext() == null || n.getNext().getOpcode() != Opcodes.DUP) {
                    throw new Unsupported(where + " constructs " + mi.owner.replace('/', '.')
                            + " in a form the rewriting does not follow (new without dup)");
                }
                String desc = mi.desc.substring(0, mi.desc.indexOf(')') + 1) + "L" + mi.owner + ";";
                insns.remove(n.getNext());
                insns.remove(n);
                insns.set(mi, indy("new", desc, mi.owner.replace('/', '.'), NEW, desc));
                return true;
            }
            String special = ctx.specialCaller(self);
            if (special != null && mi.getOpcode() == Opcodes.INVOKESPECIAL && !ctx.inJar(mi.owner)) {
                String type = "(L" + special + ";" + mi.desc.substring(1);
                insns.set(mi, indy(mi.name, type, mi.owner.replace('/', '.'), SPECIAL, type));
                return false;
            }
            boolean jarStatic = mi.getOpcode() == Opcodes.INVOKESTATIC && ctx.inJar(mi.owner);
            Accessor acc = jarStatic ? ctx.accessors(mi.owner).get(mi.name + mi.desc) : null;
            if (jarStatic && ctx.original(mi.owner, mi.name, mi.desc)) {
                insns.set(mi, new InvokeDynamicInsnNode("original", remapper.mapMethodDesc(mi.desc), ORIGINAL,
                        mi.name + mi.desc));
            } else if (acc != null) {
                insns.set(mi, indy(acc.member(), mi.desc, acc.owner(), acc.field() ? FIELD : METHOD, mi.desc));
            } else if (mi.getOpcode() != Opcodes.INVOKESPECIAL && !ctx.inJar(mi.owner) && !mi.owner.startsWith("[")
                    && (ctx.reroute(mi.owner) || erasedDesc(mi.desc))) {
                String type = mi.getOpcode() == Opcodes.INVOKESTATIC ? mi.desc : "(L" + mi.owner + ";" + mi.desc.substring(1);
                insns.set(mi, indy(mi.name, type, mi.owner.replace('/', '.'), METHOD, type));
            }
            return false;
        }

        private void fieldInsn(InsnList insns, FieldInsnNode f) {
            if (ctx.inJar(f.owner) || !(ctx.reroute(f.owner) || erasedType(Type.getType(f.desc)))) {
                return;
            }
            String receiver = "L" + f.owner + ";";
            String type = switch (f.getOpcode()) {
                case Opcodes.GETFIELD -> "(" + receiver + ")" + f.desc;
                case Opcodes.PUTFIELD -> "(" + receiver + f.desc + ")V";
                case Opcodes.GETSTATIC -> "()" + f.desc;
                default -> "(" + f.desc + ")V";
            };
            insns.set(f, indy(f.name, type, f.owner.replace('/', '.'), FIELD, type));
        }

        /** Method references (handles) to members the patch's loader cannot reach would fail as they link. */
        private void checkHandles(InvokeDynamicInsnNode d, String where) {
            for (Object arg : d.bsmArgs) {
                if (arg instanceof Handle h && !ctx.inJar(h.getOwner()) && (ctx.reroute(h.getOwner())
                        || erased(h.getOwner()))) {
                    throw new Unsupported(where + " uses a method reference to " + h.getOwner().replace('/', '.')
                            + "." + h.getName() + ", which the patch's class loader cannot link; write a lambda"
                            + " that calls it instead");
                }
            }
        }

        private InvokeDynamicInsnNode indy(String member, String realDesc, String owner, int kind, String desc) {
            String type = remapper.mapMethodDesc(realDesc);
            Type.getMethodType(type); // a malformed descriptor fails here, not at link time
            uses.add(new Use(member, type, owner, kind, desc));
            return new InvokeDynamicInsnNode(member.equals("<init>") ? "new" : member, type, ACCESS, owner, kind, desc);
        }

        private boolean erased(String internalName) {
            return !internalName.startsWith("[") && !ctx.erase(internalName).equals(internalName);
        }

        private boolean erasedType(Type t) {
            Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            return e.getSort() == Type.OBJECT && erased(e.getInternalName());
        }

        private boolean erasedDesc(String desc) {
            Type m = Type.getMethodType(desc);
            if (erasedType(m.getReturnType())) {
                return true;
            }
            for (Type a : m.getArgumentTypes()) {
                if (erasedType(a)) {
                    return true;
                }
            }
            return false;
        }

        /** A type's binary name as {@code Class.forName} takes it ({@code [Lcom.x.A;} for arrays). */
        private static String binary(Type t) {
            return t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.') : t.getClassName();
        }
    }

    /** Computes frames with the types the patch's class loader sees. */
    private static final class LoaderClassWriter extends ClassWriter {
        private final ClassLoader loader;
        private final ClassNode self;

        LoaderClassWriter(ClassLoader loader, ClassNode self) {
            super(COMPUTE_FRAMES);
            this.loader = loader;
            this.self = self;
        }

        @Override
        protected ClassLoader getClassLoader() {
            return loader;
        }

        @Override
        protected String getCommonSuperClass(String a, String b) {
            if (a.equals(self.name) || b.equals(self.name)) {
                return a.equals(b) ? a : "java/lang/Object";
            }
            try {
                return super.getCommonSuperClass(a, b);
            } catch (RuntimeException | LinkageError e) {
                return "java/lang/Object";
            }
        }
    }
}
