package dev.jlivepatch.agent.internal.weave;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a class of a patch jar before it is defined (the kernel's livepatch
 * relocations). Calls to {@code @TargetField}/{@code @TargetMethod} accessors,
 * and every access to a member of a target class, become
 * {@code invokedynamic} call sites that {@code dev.jlivepatch.runtime.Access}
 * links once to a constant method handle with the target's private access. The
 * patch class lives in its own class loader, so without this even the
 * target's package-private members would be out of reach. The same holds for
 * members of the other classes of a target's package; naming a package-private
 * class itself ({@code new}, casts) cannot be rerouted and fails at run time.
 */
public final class PatchClassRewriter {
    private static final Handle MEMBER = new Handle(Opcodes.H_INVOKESTATIC, Shape.RUNTIME + "Access", "member",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;I)"
                    + "Ljava/lang/invoke/CallSite;", false);
    private static final int FIELD = 1;
    private static final int METHOD = 2;

    /** Where an accessor call goes: a member of an owner (binary name). */
    public record Access(String member, String owner, boolean field) {
    }

    private PatchClassRewriter() {
    }

    /**
     * @param classFile the patch jar's class
     * @param accessors accessor methods of this class, by {@code name + desc}
     * @param reroute which owners (internal names) are reached through {@code Access}
     * @param exposed methods ({@code name + desc}) to make package-visible for bridges
     * @return the rewritten class file
     */
    public static byte[] rewrite(byte[] classFile, Map<String, Access> accessors, Predicate<String> reroute,
                                 Set<String> exposed) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String self;

            @Override
            public void visit(int v, int access, String name, String sig, String sup, String[] itfs) {
                self = name;
                super.visit(v, access, name, sig, sup, itfs);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                int a = exposed.contains(name + desc) ? access & ~Opcodes.ACC_PRIVATE : access;
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(a, name, desc, sig, ex)) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                        Access acc = owner.equals(self) && op == Opcodes.INVOKESTATIC ? accessors.get(n + d) : null;
                        if (acc != null) {
                            indy(this, acc.member(), d, acc.owner(), acc.field() ? FIELD : METHOD);
                        } else if (reroute.test(owner) && !n.equals("<init>") && op != Opcodes.INVOKESPECIAL) {
                            String type = op == Opcodes.INVOKESTATIC ? d : "(L" + owner + ";" + d.substring(1);
                            indy(this, n, type, owner.replace('/', '.'), METHOD);
                        } else {
                            super.visitMethodInsn(op, owner, n, d, itf);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String n, String d) {
                        if (!reroute.test(owner)) {
                            super.visitFieldInsn(op, owner, n, d);
                            return;
                        }
                        String receiver = "L" + owner + ";";
                        String type = switch (op) {
                            case Opcodes.GETFIELD -> "(" + receiver + ")" + d;
                            case Opcodes.PUTFIELD -> "(" + receiver + d + ")V";
                            case Opcodes.GETSTATIC -> "()" + d;
                            default -> "(" + d + ")V";
                        };
                        indy(this, n, type, owner.replace('/', '.'), FIELD);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void indy(MethodVisitor mv, String member, String type, String owner, int kind) {
        Type.getMethodType(type); // a malformed descriptor fails here, not at link time
        mv.visitInvokeDynamicInsn(member, type, MEMBER, owner, kind);
    }
}
