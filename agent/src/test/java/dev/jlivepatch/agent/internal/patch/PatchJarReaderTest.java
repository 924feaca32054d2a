package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Reading patch jars: what is accepted, and the reasons for what is not. */
class PatchJarReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsIdStatesAndPatchClasses() throws Exception {
        Path jar = jar("Livepatch-Id: fix\nLivepatch-States: 1:2, 7:1\n", patchClass("fix/A", "com.example.Greeter"));
        PatchJar pj = PatchJarReader.read(jar);
        assertEquals("fix", pj.id());
        assertEquals(2, pj.states().size());
        assertEquals("com.example.Greeter", pj.patchClasses().get(0).target());
        assertEquals("greet", pj.patchClasses().get(0).replacements().get(0).targetName());
    }

    @Test
    void readsDeferredTargets() throws Exception {
        Path named = jar("Livepatch-Id: fix\nLivepatch-Deferred-Targets: com.example.Greeter , com.example.Other,\n",
                patchClass("fix/A", "com.example.Greeter"));
        assertEquals(java.util.Set.of("com.example.Greeter", "com.example.Other"),
                PatchJarReader.read(named).deferredTargets());
        Path all = jar("Livepatch-Id: fix\nLivepatch-Deferred-Targets: *\n",
                patchClass("fix/A", "com.example.Greeter"));
        assertEquals(java.util.Set.of("*"), PatchJarReader.read(all).deferredTargets());
        Path none = jar("Livepatch-Id: fix\n", patchClass("fix/A", "com.example.Greeter"));
        assertEquals(java.util.Set.of(), PatchJarReader.read(none).deferredTargets());
    }

    @Test
    void refusesTwoPatchClassesForOneTarget() throws Exception {
        Path jar = jar("Livepatch-Id: fix\n", patchClass("fix/A", "com.example.Greeter"),
                patchClass("fix/B", "com.example.Greeter"));
        assertEquals("patch 'fix': fix.A and fix.B both patch com.example.Greeter; put everything for one target"
                + " class in one @Patch class", assertThrows(PatchException.class, () -> PatchJarReader.read(jar))
                .getMessage());
    }

    @Test
    void refusesBadManifests() throws Exception {
        Path noId = jar("Livepatch-Description: x\n", patchClass("fix/A", "com.example.Greeter"));
        assertEquals("p.jar: not a patch jar: the manifest has no Livepatch-Id",
                assertThrows(PatchException.class, () -> PatchJarReader.read(noId)).getMessage());
        Path badStates = jar("Livepatch-Id: fix\nLivepatch-States: one\n", patchClass("fix/A", "com.example.Greeter"));
        assertEquals("patch 'fix': Livepatch-States entry 'one' is not id:version",
                assertThrows(PatchException.class, () -> PatchJarReader.read(badStates)).getMessage());
    }

    @Test
    void checksEveryClassFileHelpersToo() throws Exception {
        byte[] helper = ClassFileCheckTest.klass("fix/Helper", Opcodes.V17, "java/lang/Object");
        helper[3] = (byte) 0xBF;
        Path jar = jar("Livepatch-Id: fix\n", patchClass("fix/A", "com.example.Greeter"), helper);
        assertEquals("p.jar: fix/Helper.class is not a class file (bad magic 0xCAFEBABF)",
                assertThrows(PatchException.class, () -> PatchJarReader.read(jar)).getMessage());
    }

    private Path jar(String manifest, byte[]... classes) throws IOException {
        Path jar = dir.resolve("p.jar");
        Manifest mf = new Manifest(new java.io.ByteArrayInputStream(("Manifest-Version: 1.0\n" + manifest).getBytes()));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            for (byte[] c : classes) {
                String name = new org.objectweb.asm.ClassReader(c).getClassName();
                j.putNextEntry(new JarEntry(name + ".class"));
                j.write(c);
                j.closeEntry();
            }
        }
        return jar;
    }

    /** A class annotated {@code @Patch(target)} with one {@code @Replace static String greet(Object, String)}. */
    private static byte[] patchClass(String name, String target) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        AnnotationVisitor patch = cw.visitAnnotation("Ldev/jlivepatch/api/Patch;", true);
        patch.visit("target", target);
        patch.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "greet",
                "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/String;", null, null);
        m.visitAnnotation("Ldev/jlivepatch/api/Replace;", true).visitEnd();
        m.visitCode();
        m.visitVarInsn(Opcodes.ALOAD, 1);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
