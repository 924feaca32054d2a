package dev.jlivepatch.agent.internal.build;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A method reference ({@code Cart::total}, {@code Line::new}) that the new
 * code passes to {@code invokedynamic}: a constant method handle, which the
 * patch's class loader can link only for a member it can access. The builder
 * gives such a handle a static method of its own that makes the same access
 * in plain bytecode, which the agent then routes like any other use of the
 * target's members; the handle names that method instead.
 */
final class HandleBridges {

    private HandleBridges() {
    }

    /** The descriptor of the bridge for {@code h}: the receiver first, a construction returns the object. */
    static String desc(Handle h, String receiver) {
        String owner = "L" + receiver + ";";
        return switch (h.getTag()) {
            case Opcodes.H_GETFIELD -> "(" + owner + ")" + h.getDesc();
            case Opcodes.H_GETSTATIC -> "()" + h.getDesc();
            case Opcodes.H_PUTFIELD -> "(" + owner + h.getDesc() + ")V";
            case Opcodes.H_PUTSTATIC -> "(" + h.getDesc() + ")V";
            case Opcodes.H_INVOKESTATIC -> h.getDesc();
            case Opcodes.H_NEWINVOKESPECIAL -> h.getDesc().substring(0, h.getDesc().indexOf(')') + 1) + owner;
            default -> "(" + owner + h.getDesc().substring(1);
        };
    }

    /**
     * The bridge method for {@code h}; {@code H_INVOKESPECIAL} of a private
     * method becomes the virtual call that the agent routes (as for a plain
     * call of it).
     */
    static MethodNode make(Handle h, String name) {
        String desc = desc(h, h.getOwner());
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, desc,
                null, null);
        InsnList code = m.instructions;
        if (h.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            code.add(new TypeInsnNode(Opcodes.NEW, h.getOwner()));
            code.add(new InsnNode(Opcodes.DUP));
        }
        int slot = 0;
        for (Type t : Type.getArgumentTypes(desc)) {
            code.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), slot));
            slot += t.getSize();
        }
        code.add(switch (h.getTag()) {
            case Opcodes.H_GETFIELD -> new FieldInsnNode(Opcodes.GETFIELD, h.getOwner(), h.getName(), h.getDesc());
            case Opcodes.H_GETSTATIC -> new FieldInsnNode(Opcodes.GETSTATIC, h.getOwner(), h.getName(), h.getDesc());
            case Opcodes.H_PUTFIELD -> new FieldInsnNode(Opcodes.PUTFIELD, h.getOwner(), h.getName(), h.getDesc());
            case Opcodes.H_PUTSTATIC -> new FieldInsnNode(Opcodes.PUTSTATIC, h.getOwner(), h.getName(), h.getDesc());
            case Opcodes.H_INVOKESTATIC -> new MethodInsnNode(Opcodes.INVOKESTATIC, h.getOwner(), h.getName(),
                    h.getDesc(), h.isInterface());
            case Opcodes.H_NEWINVOKESPECIAL -> new MethodInsnNode(Opcodes.INVOKESPECIAL, h.getOwner(), "<init>",
                    h.getDesc(), false);
            default -> new MethodInsnNode(h.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL,
                    h.getOwner(), h.getName(), h.getDesc(), h.isInterface());
        });
        Type ret = Type.getReturnType(desc);
        code.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        return m;
    }
}
