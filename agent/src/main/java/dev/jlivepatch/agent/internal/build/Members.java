package dev.jlivepatch.agent.internal.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds the member a reference resolves to within one build, as the JVM
 * would: the class, its superclasses, then its interfaces.
 */
final class Members {

    /**
     * A lookup's answer.
     *
     * @param owner the class that declares the member, or null when not found
     * @param method the method found, or null
     * @param field the field found, or null
     * @param open whether the search left the build (a library or JDK supertype): not finding it proves nothing
     */
    record Found(String owner, MethodNode method, FieldNode field, boolean open) {
        boolean found() {
            return owner != null;
        }

        int access() {
            return method != null ? method.access : field.access;
        }

        boolean isStatic() {
            return (access() & Opcodes.ACC_STATIC) != 0;
        }
    }

    private Members() {
    }

    static Found method(Build b, String owner, String name, String desc) {
        return find(b, owner, name, desc, false);
    }

    static Found field(Build b, String owner, String name, String desc) {
        return find(b, owner, name, desc, true);
    }

    private static Found find(Build b, String owner, String name, String desc, boolean field) {
        boolean open = false;
        Deque<String> interfaces = new ArrayDeque<>();
        for (String c = owner; c != null; ) {
            ClassNode n = b.node(c);
            if (n == null) {
                open |= !c.equals("java/lang/Object");
                break;
            }
            Found f = declared(n, name, desc, field);
            if (f != null) {
                return f;
            }
            interfaces.addAll(n.interfaces);
            c = n.superName;
        }
        Set<String> seen = new HashSet<>();
        while (!interfaces.isEmpty()) {
            String i = interfaces.pop();
            ClassNode n = b.node(i);
            if (!seen.add(i)) {
                continue;
            }
            if (n == null) {
                open = true;
                continue;
            }
            Found f = declared(n, name, desc, field);
            if (f != null) {
                return f;
            }
            interfaces.addAll(n.interfaces);
        }
        return new Found(null, null, null, open);
    }

    private static Found declared(ClassNode n, String name, String desc, boolean field) {
        if (field) {
            for (FieldNode f : n.fields) {
                if (f.name.equals(name) && f.desc.equals(desc)) {
                    return new Found(n.name, null, f, false);
                }
            }
        } else {
            for (MethodNode m : n.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    return new Found(n.name, m, null, false);
                }
            }
        }
        return null;
    }
}
