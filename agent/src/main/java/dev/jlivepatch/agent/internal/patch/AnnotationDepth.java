package dev.jlivepatch.agent.internal.patch;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.TypePath;

/**
 * Stops reading a class file whose annotation values nest deeper than
 * {@link #MAX}. Both ASM and the JVM read nested annotation values
 * recursively: a file of a few hundred kilobytes whose arrays nest tens of
 * thousands deep overflows ASM's stack, and, handed to
 * {@code ClassLoader.defineClass}, crashes the JVM itself (a segmentation
 * fault on JDK 17 and 25, 40,000 levels on a 1 MB thread stack). So the first
 * read of every class of a patch jar goes through these visitors, which
 * never let ASM skip a value unseen and throw {@link TooDeep} one level past
 * the limit, before the JVM sees the file. Compilers nest annotation values
 * two or three deep.
 */
final class AnnotationDepth {
    /** The deepest nesting of annotation values accepted. */
    static final int MAX = 32;
    private static final int API = Opcodes.ASM9;

    private AnnotationDepth() {
    }

    /** Annotation values nest deeper than {@link #MAX}. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super("annotation values nest more than " + MAX + " deep", null, false, false);
        }
    }

    /** A visitor that passes everything on to {@code next} and counts how deep annotation values nest. */
    static ClassVisitor limit(ClassVisitor next) {
        return new ClassVisitor(API, next) {
            @Override
            public AnnotationVisitor visitAnnotation(String d, boolean v) {
                return counted(super.visitAnnotation(d, v), 1);
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(int r, TypePath p, String d, boolean v) {
                return counted(super.visitTypeAnnotation(r, p, d, v), 1);
            }

            @Override
            public FieldVisitor visitField(int a, String n, String d, String s, Object value) {
                return new FieldVisitor(API, super.visitField(a, n, d, s, value)) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean vis) {
                        return counted(super.visitAnnotation(desc, vis), 1);
                    }

                    @Override
                    public AnnotationVisitor visitTypeAnnotation(int r, TypePath p, String desc, boolean vis) {
                        return counted(super.visitTypeAnnotation(r, p, desc, vis), 1);
                    }
                };
            }

            @Override
            public RecordComponentVisitor visitRecordComponent(String n, String d, String s) {
                return new RecordComponentVisitor(API, super.visitRecordComponent(n, d, s)) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String desc, boolean vis) {
                        return counted(super.visitAnnotation(desc, vis), 1);
                    }

                    @Override
                    public AnnotationVisitor visitTypeAnnotation(int r, TypePath p, String desc, boolean vis) {
                        return counted(super.visitTypeAnnotation(r, p, desc, vis), 1);
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int a, String n, String d, String s, String[] e) {
                return new Methods(super.visitMethod(a, n, d, s, e));
            }
        };
    }

    /** A method's annotations, of every kind. */
    private static final class Methods extends MethodVisitor {
        Methods(MethodVisitor next) {
            super(API, next);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return counted(super.visitAnnotationDefault(), 1);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String d, boolean v) {
            return counted(super.visitAnnotation(d, v), 1);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int r, TypePath p, String d, boolean v) {
            return counted(super.visitTypeAnnotation(r, p, d, v), 1);
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int i, String d, boolean v) {
            return counted(super.visitParameterAnnotation(i, d, v), 1);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(int r, TypePath p, String d, boolean v) {
            return counted(super.visitInsnAnnotation(r, p, d, v), 1);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(int r, TypePath p, String d, boolean v) {
            return counted(super.visitTryCatchAnnotation(r, p, d, v), 1);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(int r, TypePath p, Label[] s, Label[] e, int[] i,
                                                              String d, boolean v) {
            return counted(super.visitLocalVariableAnnotation(r, p, s, e, i, d, v), 1);
        }
    }

    /** Passes values on to {@code next} (which may be null) and refuses to go past {@link #MAX}. */
    private static AnnotationVisitor counted(AnnotationVisitor next, int depth) {
        if (depth > MAX) {
            throw new TooDeep();
        }
        return new AnnotationVisitor(API, next) {
            @Override
            public AnnotationVisitor visitAnnotation(String name, String desc) {
                return counted(super.visitAnnotation(name, desc), depth + 1);
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return counted(super.visitArray(name), depth + 1);
            }
        };
    }
}
