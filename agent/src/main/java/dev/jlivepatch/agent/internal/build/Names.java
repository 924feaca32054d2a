package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;

/** Classes, members and modifiers as people read them in the report. */
final class Names {

    private Names() {
    }

    /** {@code com/example/Cart} as {@code com.example.Cart}. */
    static String type(String internalName) {
        return internalName == null ? "(none)" : internalName.replace('/', '.');
    }

    static String types(Collection<String> internalNames) {
        List<String> out = new ArrayList<>();
        internalNames.forEach(n -> out.add(type(n)));
        return String.join(", ", out);
    }

    /** A field descriptor as a Java type. */
    static String desc(String fieldDesc) {
        return Type.getType(fieldDesc).getClassName();
    }

    static String field(FieldNode f) {
        return f.name + " (" + desc(f.desc) + ")";
    }

    /** {@code com.example.Cart.total(int, java.lang.String)}. */
    static String method(String owner, String name, String desc) {
        return type(owner) + "." + signature(name, desc);
    }

    /** {@code total(int, java.lang.String)}, or a field's name. */
    static String signature(String name, String desc) {
        if (!desc.startsWith("(")) {
            return name;
        }
        List<String> params = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(desc)) {
            params.add(t.getClassName());
        }
        return name + "(" + String.join(", ", params) + ")";
    }

    /** A member of a diff or reference: {@code name + desc} (method) or {@code name desc} (field). */
    static String member(String owner, String member) {
        int paren = member.indexOf('(');
        if (paren >= 0) {
            return method(owner, member.substring(0, paren), member.substring(paren));
        }
        int space = member.indexOf(' ');
        return type(owner) + "." + (space >= 0 ? member.substring(0, space) : member);
    }

    static String classFlags(int access) {
        return flags(access, new int[] {Opcodes.ACC_PUBLIC, Opcodes.ACC_ABSTRACT, Opcodes.ACC_FINAL,
            Opcodes.ACC_INTERFACE, Opcodes.ACC_ANNOTATION, Opcodes.ACC_ENUM},
                new String[] {"public", "abstract", "final", "interface", "annotation", "enum"}, Differ.CLASS_FLAGS);
    }

    static String fieldFlags(int access) {
        return flags(access, new int[] {Opcodes.ACC_PUBLIC, Opcodes.ACC_PROTECTED, Opcodes.ACC_PRIVATE,
            Opcodes.ACC_STATIC, Opcodes.ACC_FINAL, Opcodes.ACC_VOLATILE, Opcodes.ACC_TRANSIENT, Opcodes.ACC_ENUM},
                new String[] {"public", "protected", "private", "static", "final", "volatile", "transient", "enum"},
                Differ.FIELD_FLAGS);
    }

    static String methodFlags(int access) {
        return flags(access, new int[] {Opcodes.ACC_PUBLIC, Opcodes.ACC_PROTECTED, Opcodes.ACC_PRIVATE,
            Opcodes.ACC_ABSTRACT, Opcodes.ACC_STATIC, Opcodes.ACC_FINAL, Opcodes.ACC_SYNCHRONIZED,
            Opcodes.ACC_NATIVE, Opcodes.ACC_BRIDGE},
                new String[] {"public", "protected", "private", "abstract", "static", "final", "synchronized",
                    "native", "bridge"}, Differ.METHOD_FLAGS);
    }

    private static String flags(int access, int[] bits, String[] words, int mask) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < bits.length; k++) {
            if ((access & mask & bits[k]) != 0) {
                out.add(words[k]);
            }
        }
        if ((access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE)) == 0) {
            out.add(0, "package-private");
        }
        return String.join(" ", out);
    }
}
