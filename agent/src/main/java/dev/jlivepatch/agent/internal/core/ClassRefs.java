package dev.jlivepatch.agent.internal.core;

import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** The classes a patch class's code makes the JVM resolve as it runs (see {@link PatchClassLoader#link}). */
final class ClassRefs {

    private ClassRefs() {
    }

    /** The classes a class file's code names: owners of the members it uses, the types it casts to and makes. */
    static Set<String> named(byte[] classFile) {
        Set<String> out = new LinkedHashSet<>();
        java.util.function.Consumer<String> add = internal -> {
            Type t = internal.startsWith("[") ? Type.getType(internal).getElementType() : Type.getObjectType(internal);
            if (t.getSort() == Type.OBJECT) {
                out.add(t.getInternalName());
            }
        };
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                        add.accept(owner);
                    }

                    @Override
                    public void visitFieldInsn(int op, String owner, String n, String d) {
                        add.accept(owner);
                    }

                    @Override
                    public void visitTypeInsn(int op, String type) {
                        add.accept(type);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String desc, int dims) {
                        add.accept(desc);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                            add.accept(t.getSort() == Type.OBJECT ? t.getInternalName() : t.getDescriptor());
                        }
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type != null) {
                            add.accept(type);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out;
    }
}
