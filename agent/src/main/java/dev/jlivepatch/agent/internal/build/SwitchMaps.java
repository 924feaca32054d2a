package dev.jlivepatch.agent.internal.build;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The synthetic class ({@code Outer$1}) in which {@code javac} keeps the
 * table of an enum {@code switch}: a static array per enum, mapping each
 * constant's ordinal to the case's position in the class's switches. A
 * changed switch usually changes the table, which lives in the class's
 * static initialiser and cannot be patched; so the builder never compares
 * these classes, and patched code reads a copy of the new build's table,
 * carried in the patch jar as {@code Outer$1$$Livepatch}.
 */
final class SwitchMaps {
    static final String PREFIX = "$SwitchMap$";

    private SwitchMaps() {
    }

    static boolean is(ClassNode c) {
        if ((c.access & Opcodes.ACC_SYNTHETIC) == 0 || c.fields.isEmpty()) {
            return false;
        }
        for (FieldNode f : c.fields) {
            if (!f.name.startsWith(PREFIX) || (f.access & Opcodes.ACC_STATIC) == 0) {
                return false;
            }
        }
        for (MethodNode m : c.methods) {
            if (!m.name.equals("<clinit>") && !m.name.equals("<init>")) {
                return false;
            }
        }
        return true;
    }
}
