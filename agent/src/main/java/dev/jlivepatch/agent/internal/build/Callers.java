package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The methods of a build that call a method (directly, or through a method reference). */
final class Callers {

    private Callers() {
    }

    /**
     * @return the callers as {@code owner.name + desc}, each once, in class order
     */
    static List<String> of(Build build, String owner, String name, String desc) {
        List<String> out = new ArrayList<>();
        for (String c : build.names()) {
            ClassNode node = build.node(c);
            for (MethodNode m : node.methods) {
                if (calls(build, m, owner, name, desc)) {
                    out.add(c + "." + m.name + m.desc);
                }
            }
        }
        return out;
    }

    private static boolean calls(Build build, MethodNode m, String owner, String name, String desc) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode mi && mi.name.equals(name) && mi.desc.equals(desc)
                    && within(build, mi.owner, owner)) {
                return true;
            }
            if (i instanceof InvokeDynamicInsnNode d) {
                for (Object a : d.bsmArgs) {
                    if (a instanceof Handle h && h.getName().equals(name) && h.getDesc().equals(desc)
                            && within(build, h.getOwner(), owner)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code c} is {@code owner} or, within the build, one of its subclasses. */
    private static boolean within(Build build, String c, String owner) {
        for (String s = c; s != null && build.has(s); s = build.node(s).superName) {
            if (s.equals(owner)) {
                return true;
            }
        }
        return c.equals(owner);
    }
}
