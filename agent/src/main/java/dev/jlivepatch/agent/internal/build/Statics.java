package dev.jlivepatch.agent.internal.build;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Turns a method of the new build into a static method of a patch class.
 * An instance method's receiver is local 0 both as {@code this} and as a
 * static method's first parameter, so its body stays as it is, frames and
 * all: only the flags change and the receiver's type goes first in the
 * descriptor. What describes the old form and no longer fits (the generic
 * signature, parameter names and annotations, annotations, type annotations)
 * is dropped; line numbers and local variable names stay, so stack traces and
 * debuggers show the new build's source.
 */
final class Statics {

    private Statics() {
    }

    /** The descriptor of the static form: the receiver first for an instance method. */
    static String desc(String owner, int access, String desc) {
        return (access & Opcodes.ACC_STATIC) != 0 ? desc : "(L" + owner + ";" + desc.substring(1);
    }

    /** Makes {@code m} (a fresh copy of a method of {@code owner}) the static method {@code name}. */
    static MethodNode convert(String owner, MethodNode m, String name) {
        m.desc = desc(owner, m.access, m.desc);
        m.name = name;
        m.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
        m.signature = null;
        m.parameters = null;
        m.visibleAnnotations = null;
        m.invisibleAnnotations = null;
        m.visibleParameterAnnotations = null;
        m.invisibleParameterAnnotations = null;
        m.visibleAnnotableParameterCount = 0;
        m.invisibleAnnotableParameterCount = 0;
        m.visibleTypeAnnotations = null;
        m.invisibleTypeAnnotations = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;
        m.annotationDefault = null;
        m.attrs = null;
        if (m.localVariables != null) {
            m.localVariables.forEach(v -> v.signature = null);
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            t.visibleTypeAnnotations = null;
            t.invisibleTypeAnnotations = null;
        }
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            i.visibleTypeAnnotations = null;
            i.invisibleTypeAnnotations = null;
        }
        return m;
    }
}
