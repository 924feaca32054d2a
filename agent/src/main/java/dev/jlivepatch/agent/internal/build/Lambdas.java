package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The lambda bodies of a class and the method that creates each. A lambda's
 * body is a synthetic method ({@code lambda$run$0}) whose name the compiler
 * numbers by its position in the class, so a new lambda anywhere renames the
 * ones after it. The builder therefore never compares lambda bodies by name:
 * each belongs to the method whose {@code invokedynamic} creates it, and is
 * compared with the lambda at the same position in the other build's method.
 */
final class Lambdas {
    static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    /** {@code LambdaMetafactory.FLAG_SERIALIZABLE}. */
    static final int FLAG_SERIALIZABLE = 1;

    private final String owner;
    private final Map<String, MethodNode> bodies = new HashMap<>();
    private final Map<String, List<MethodNode>> created = new HashMap<>();

    private Lambdas(ClassNode c) {
        this.owner = c.name;
        Map<String, MethodNode> synthetic = new HashMap<>();
        for (MethodNode m : c.methods) {
            if ((m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith("lambda$")) {
                synthetic.put(m.name + m.desc, m);
            }
        }
        for (MethodNode m : c.methods) {
            List<MethodNode> mine = new ArrayList<>();
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                Handle h = i instanceof InvokeDynamicInsnNode d ? implementation(d) : null;
                MethodNode body = h != null && h.getOwner().equals(owner) ? synthetic.get(h.getName() + h.getDesc())
                        : null;
                if (body != null) {
                    mine.add(body);
                    bodies.put(body.name + body.desc, body);
                }
            }
            created.put(m.name + m.desc, mine);
        }
    }

    static Lambdas of(ClassNode c) {
        return new Lambdas(c);
    }

    /** The method a lambda metafactory call site implements its interface with, or null for other call sites. */
    static Handle implementation(InvokeDynamicInsnNode d) {
        if (d.bsm.getOwner().equals(METAFACTORY) && d.bsmArgs.length >= 3 && d.bsmArgs[1] instanceof Handle h) {
            return h;
        }
        return null;
    }

    /** Whether the call site makes a serializable lambda (its deserialisation names the class that made it). */
    static boolean serializable(InvokeDynamicInsnNode d) {
        return d.bsm.getName().equals("altMetafactory") && d.bsmArgs.length > 3 && d.bsmArgs[3] instanceof Integer f
                && (f & FLAG_SERIALIZABLE) != 0;
    }

    /** Whether the method is the body of a lambda created in this class. */
    boolean isBody(MethodNode m) {
        return bodies.containsKey(m.name + m.desc);
    }

    /** Whether {@code h} names the body of a lambda created in this class. */
    boolean isBody(Handle h) {
        return h.getOwner().equals(owner) && bodies.containsKey(h.getName() + h.getDesc());
    }

    /** The lambdas a method creates, in the order of their call sites. */
    List<MethodNode> createdBy(MethodNode m) {
        return created.getOrDefault(m.name + m.desc, List.of());
    }
}
