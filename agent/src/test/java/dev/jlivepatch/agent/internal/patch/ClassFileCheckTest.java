package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files of a patch jar that the JVM would refuse are refused, each with its reason. */
class ClassFileCheckTest {
    private static final int LATEST = Runtime.version().feature() + 44;
    /** {@code bipush 123; pop; return}: the body of {@link #klass}'s method, easy to find in the file. */
    private static final byte[] CODE = {Opcodes.BIPUSH, 123, Opcodes.POP, (byte) Opcodes.RETURN};

    @Test
    void acceptsAGoodClass() {
        assertDoesNotThrow(() -> check("fix/A.class", klass("fix/A", Opcodes.V17, "java/lang/Object")));
    }

    @Test
    void leavesASuperclassOnlyTheTargetsLoaderSeesToEnabling() {
        // The JVM's check defines the class next to the JDK's classes only: a NoClassDefFoundError
        // for an application superclass is not a format error.
        assertDoesNotThrow(() -> check("fix/A.class", klass("fix/A", Opcodes.V17, "com/example/AppBase")));
    }

    @Test
    void refusesABadMagicNumber() {
        byte[] bytes = klass("fix/A", Opcodes.V17, "java/lang/Object");
        bytes[3] = (byte) 0xBF;
        assertEquals("p.jar: fix/A.class is not a class file (bad magic 0xCAFEBABF)", refusal("fix/A.class", bytes));
        assertEquals("p.jar: fix/A.class is not a class file (2 bytes)", refusal("fix/A.class", new byte[] {1, 2}));
    }

    @Test
    void refusesATruncatedFile() {
        byte[] bytes = klass("fix/A", Opcodes.V17, "java/lang/Object");
        assertEquals("p.jar: fix/A.class: the JVM refuses it: Truncated class file",
                refusal("fix/A.class", Arrays.copyOf(bytes, bytes.length / 2)));
        assertEquals("p.jar: fix/A.class: the JVM refuses it: Truncated class file",
                refusal("fix/A.class", Arrays.copyOf(bytes, bytes.length - 1)));
        assertEquals("p.jar: fix/A.class is truncated (6 bytes)", refusal("fix/A.class", Arrays.copyOf(bytes, 6)));
    }

    @Test
    void refusesAVersionNewerThanThisJvm() {
        byte[] bytes = klass("fix/A", LATEST + 1, "java/lang/Object");
        assertEquals("p.jar: fix/A.class: class file version " + (LATEST + 1) + ".0 is newer than this JVM supports"
                + " (up to " + LATEST + ")", refusal("fix/A.class", bytes));
        assertDoesNotThrow(() -> check("fix/A.class", klass("fix/A", LATEST, "java/lang/Object")));
    }

    @Test
    void refusesVersionsBeforeJava8() {
        assertEquals("p.jar: fix/A.class: class file version 51.0: patch classes must be compiled for Java 8 or later",
                refusal("fix/A.class", klass("fix/A", Opcodes.V1_7, "java/lang/Object")));
        assertDoesNotThrow(() -> check("fix/A.class", klass("fix/A", Opcodes.V1_8, "java/lang/Object")));
    }

    @Test
    void refusesPreviewClassFilesThisJvmDoesNotRun() {
        // The tests run without --enable-preview.
        int feature = LATEST - 44;
        assertEquals("p.jar: fix/A.class: class file version " + LATEST + ".65535 uses preview features of Java "
                + feature + ", and this JVM was started without --enable-preview",
                refusal("fix/A.class", klass("fix/A", Opcodes.V_PREVIEW | LATEST, "java/lang/Object")));
        assertEquals("p.jar: fix/A.class: class file version " + (LATEST - 1) + ".65535 uses preview features of Java "
                + (feature - 1) + ": only Java " + (feature - 1) + " started with --enable-preview runs it, and this JVM"
                + " is Java " + feature,
                refusal("fix/A.class", klass("fix/A", Opcodes.V_PREVIEW | (LATEST - 1), "java/lang/Object")));
    }

    @Test
    void refusesAMinorVersionTheJvmsForbids() {
        assertEquals("p.jar: fix/A.class: class file version 61.3 is invalid: from version 56 on, the minor version"
                + " is 0 (or 65535 for preview features)",
                refusal("fix/A.class", klass("fix/A", 3 << 16 | Opcodes.V17, "java/lang/Object")));
        // Before version 56 any minor version is valid.
        assertDoesNotThrow(() -> check("fix/A.class", klass("fix/A", 3 << 16 | Opcodes.V1_8, "java/lang/Object")));
    }

    @Test
    void refusesAClassInAnEntryNamedForAnother() {
        assertEquals("p.jar: fix/A.class holds class fix/B: a class must be in the entry named after it (fix/B.class)",
                refusal("fix/A.class", klass("fix/B", Opcodes.V17, "java/lang/Object")));
    }

    @Test
    void refusesGarbageInTheConstantPool() {
        byte[] bytes = klass("fix/A", Opcodes.V17, "java/lang/Object");
        bytes[10] = 2; // the first constant's tag: 2 is no constant
        assertEquals("p.jar: fix/A.class: the JVM refuses it: Unknown constant tag 2 in class file fix/A",
                refusal("fix/A.class", bytes));
    }

    @Test
    void refusesWhatOnlyTheJvmChecks() {
        // ASM reads two methods of one name and descriptor without complaint; the JVM does not.
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fix/A", null, "java/lang/Object", null);
        cw.visitMethod(Opcodes.ACC_ABSTRACT, "m", "()V", null, null).visitEnd();
        cw.visitMethod(Opcodes.ACC_ABSTRACT, "m", "()V", null, null).visitEnd();
        cw.visitEnd();
        assertEquals("p.jar: fix/A.class: the JVM refuses it: Duplicate method name \"m\" with signature \"()V\""
                + " in class file fix/A", refusal("fix/A.class", cw.toByteArray()));
    }

    @Test
    void refusesGarbageInCodeThatOnlyTheVerifierWouldSee() {
        // Defining does not look at bytecode (linking verifies it), but the agent's rewriter reads
        // every instruction: an undefined opcode is refused here, not halfway through enabling.
        byte[] bytes = klass("fix/A", Opcodes.V17, "java/lang/Object");
        bytes[indexOf(bytes, CODE) + 2] = (byte) 0xFE; // impdep1, reserved: never in a class file
        assertEquals("p.jar: fix/A.class is malformed (ASM cannot read it: java.lang.IllegalArgumentException)",
                refusal("fix/A.class", bytes));
    }

    @Test
    void refusesClassesOfJavaPackages() {
        assertEquals("p.jar: java/lang/Fix.class: a patch jar cannot hold classes of java.* packages (only the"
                + " JVM's bootstrap and platform class loaders may define them)",
                refusal("java/lang/Fix.class", klass("java/lang/Fix", Opcodes.V17, "java/lang/Object")));
    }

    @Test
    void dropsTheClassLoaderOfTheJvmsCheck() throws Exception {
        check("fix/Dropped.class", klass("fix/Dropped", Opcodes.V17, "java/lang/Object"));
        // Seen right after the check (only a full collection unloads classes), so the listing finds it...
        assertTrue(classLoaders().contains("\"jlivepatch-classcheck\""), ClassFileCheckTest::classLoaders);
        // ...and gone once collected: nothing kept the loader or its class.
        for (int i = 0; i < 10 && classLoaders().contains("\"jlivepatch-classcheck\""); i++) {
            System.gc();
        }
        assertFalse(classLoaders().contains("\"jlivepatch-classcheck\""), ClassFileCheckTest::classLoaders);
    }

    private static void check(String entry, byte[] bytes) throws PatchException {
        ClassFileCheck.check("p.jar", entry, bytes);
    }

    private static String refusal(String entry, byte[] bytes) {
        return assertThrows(PatchException.class, () -> check(entry, bytes)).getMessage();
    }

    /** A class of that version and superclass, with one {@code static void m()} whose body is {@link #CODE}. */
    static byte[] klass(String name, int version, String superName) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(version, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, superName, null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()V", null, null);
        m.visitCode();
        m.visitIntInsn(Opcodes.BIPUSH, 123);
        m.visitInsn(Opcodes.POP);
        m.visitInsn(Opcodes.RETURN);
        m.visitMaxs(1, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    /** The JVM's class loader tree ({@code jcmd PID VM.classloaders}). */
    private static String classLoaders() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassloaders",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new AssertionError("cannot list the class loaders", e);
        }
    }
}
