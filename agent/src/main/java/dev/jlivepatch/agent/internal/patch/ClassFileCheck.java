package dev.jlivepatch.agent.internal.patch;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * Refuses a class file of a patch jar that the running JVM would refuse.
 *
 * <p>Patch classes reach the JVM only after ASM has rewritten them, and ASM
 * re-emits a clean file from whatever it could read: it does not look at the
 * magic number, and it skips what it is not asked to visit. Without this check
 * a file the JVM would never define (a wrong magic number, a version it does not
 * support, garbage in the constant pool) could be enabled. So every class entry
 * of a patch jar, helper classes included, is checked here on its original
 * bytes before anything of the jar is defined.
 */
final class ClassFileCheck {
    /** The first four bytes of every class file. */
    static final int MAGIC = 0xCAFEBABE;
    /** The oldest class-file major version accepted for patch classes (Java 8). */
    static final int OLDEST = 52;
    /** The newest class-file major version this JVM supports. */
    static final int LATEST = Runtime.version().feature() + 44;
    /** The minor version that marks a class file using preview features (JVMS 4.1). */
    static final int PREVIEW_MINOR = 0xFFFF;
    /** From this major version on (Java 12), the minor version must be 0 or {@link #PREVIEW_MINOR}. */
    private static final int STRICT_MINOR = 56;

    private ClassFileCheck() {
    }

    /**
     * Checks one class entry of a patch jar.
     *
     * @param jar the jar's file name, which every reason starts with
     * @param entry the entry's name, such as {@code com/example/Fix.class}
     * @param bytes the entry's content, as it is in the jar
     * @throws PatchException naming the jar, the entry and the cause, if the JVM would refuse the file
     */
    static void check(String jar, String entry, byte[] bytes) throws PatchException {
        String where = jar + ": " + entry;
        magic(where, bytes);
        version(where, bytes);
        String expected = entry.substring(0, entry.length() - ".class".length());
        String declared;
        try {
            // All of it, code and frames included: the rewriter reads the code later, and a
            // failure there would come after the patch had started to change things.
            ClassReader reader = new ClassReader(bytes);
            reader.accept(AnnotationDepth.limit(new ClassNode()), 0);
            // Every descriptor and signature parsed, as the agent's later passes over the class parse them.
            reader.accept(new ClassRemapper(new ClassNode(), new Remapper() { }), ClassReader.SKIP_FRAMES);
            declared = reader.getClassName();
        } catch (AnnotationDepth.TooDeep e) {
            // Never to the JVM: its parser recurses as deep, on its native stack (see AnnotationDepth).
            throw new PatchException(where + ": " + e.getMessage() + " (a file built to overflow a parser?)");
        } catch (StackOverflowError e) {
            throw new PatchException(where + " is nested too deeply for the agent to read it");
        } catch (RuntimeException e) {
            // ASM throws what it meets (ArrayIndexOutOfBounds, IllegalArgument...). The JVM
            // usually says more precisely what is wrong, so it speaks first.
            jvm(where, expected, bytes);
            throw new PatchException(where + " is malformed (ASM cannot read it: " + e + ")", e);
        }
        if (!declared.equals(expected)) {
            throw new PatchException(where + " holds class " + declared + ": a class must be in the entry named"
                    + " after it (" + declared + ".class)");
        }
        if (declared.startsWith("java/")) {
            throw new PatchException(where + ": a patch jar cannot hold classes of java.* packages"
                    + " (only the JVM's bootstrap and platform class loaders may define them)");
        }
        jvm(where, expected, bytes);
    }

    private static void magic(String where, byte[] bytes) throws PatchException {
        if (bytes.length < 4) {
            throw new PatchException(where + " is not a class file (" + bytes.length + " bytes)");
        }
        int magic = u2(bytes, 0) << 16 | u2(bytes, 2);
        if (magic != MAGIC) {
            throw new PatchException(where + " is not a class file (bad magic " + String.format("0x%08X", magic) + ")");
        }
    }

    /** The JVMS 4.1 rules on versions, as this JVM applies them, plus the agent's own floor. */
    private static void version(String where, byte[] bytes) throws PatchException {
        if (bytes.length < 8) {
            throw new PatchException(where + " is truncated (" + bytes.length + " bytes)");
        }
        int minor = u2(bytes, 4);
        int major = u2(bytes, 6);
        String version = where + ": class file version " + major + "." + minor;
        if (major > LATEST) {
            throw new PatchException(version + " is newer than this JVM supports (up to " + LATEST + ")");
        }
        if (major < OLDEST) {
            // The rewriter turns accessor calls into invokedynamic call sites, which class files
            // before version 51 cannot hold; the agent's floor for patch classes is Java 8.
            throw new PatchException(version + ": patch classes must be compiled for Java 8 or later");
        }
        if (major < STRICT_MINOR || minor == 0) {
            return;
        }
        if (minor != PREVIEW_MINOR) {
            throw new PatchException(version + " is invalid: from version " + STRICT_MINOR
                    + " on, the minor version is 0 (or " + PREVIEW_MINOR + " for preview features)");
        }
        // Preview features change from one release to the next: only the JVM of exactly that
        // release, started with --enable-preview, runs them.
        String release = "Java " + (major - 44);
        if (major != LATEST) {
            throw new PatchException(version + " uses preview features of " + release + ": only " + release
                    + " started with --enable-preview runs it, and this JVM is Java " + (LATEST - 44));
        }
        if (!Preview.ENABLED) {
            throw new PatchException(version + " uses preview features of " + release
                    + ", and this JVM was started without --enable-preview");
        }
    }

    /**
     * Lets the JVM itself check the format: it defines the original bytes in a
     * throwaway loader, dropped at once (nothing keeps it or its class).
     * Defining neither links nor initialises: no code of the file runs.
     * Only a {@link ClassFormatError} (which includes UnsupportedClassVersionError)
     * is a refusal; other linkage errors, such as a superclass that only the
     * target's loader can see, are for enabling to judge.
     */
    private static void jvm(String where, String internalName, byte[] bytes) throws PatchException {
        try {
            new Throwaway().define(internalName.replace('/', '.'), bytes);
        } catch (ClassFormatError e) {
            throw new PatchException(where + ": the JVM refuses it: " + e.getMessage());
        } catch (SecurityException e) {
            // A prohibited package (java.*), or a security manager that forbids class loaders:
            // the patch's own loader could not define the class either.
            throw new PatchException(where + ": the JVM refuses it: " + e.getMessage());
        } catch (LinkageError e) {
            // Not a format error: see above.
        }
    }

    private static int u2(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    /** A class loader used for one definition, then dropped. Its parent sees only the JDK's classes. */
    private static final class Throwaway extends ClassLoader {
        Throwaway() {
            super("jlivepatch-classcheck", ClassLoader.getPlatformClassLoader());
        }

        void define(String binaryName, byte[] bytes) {
            defineClass(binaryName, bytes, 0, bytes.length);
        }
    }

    /**
     * Whether this JVM runs with preview features enabled. There is no public
     * API to ask, and the command line can come from several places
     * (JDK_JAVA_OPTIONS, @argfiles), so the JVM is asked directly: it either
     * defines an empty class marked as a preview class file of its own release,
     * or refuses it. Computed once, the first time a preview class file is seen.
     */
    private static final class Preview {
        static final boolean ENABLED = probe();

        private Preview() {
        }

        private static boolean probe() {
            ClassWriter cw = new ClassWriter(0);
            cw.visit(Opcodes.V_PREVIEW | LATEST, Opcodes.ACC_SUPER, "JlivepatchPreviewProbe", null,
                    "java/lang/Object", null);
            cw.visitEnd();
            byte[] probe = cw.toByteArray();
            try {
                new Throwaway().define("JlivepatchPreviewProbe", probe);
                return true;
            } catch (LinkageError | SecurityException e) {
                return false; // UnsupportedClassVersionError: not enabled (anything else: refuse, to be safe)
            }
        }
    }
}
