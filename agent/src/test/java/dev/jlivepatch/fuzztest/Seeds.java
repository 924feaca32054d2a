package dev.jlivepatch.fuzztest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The valid patch jars the fuzzer mutates, made with ASM so that they depend
 * on nothing but {@code patch-api} and {@link dev.jlivepatch.fuzztest.app.Target}:
 * each patches {@code Target.greet(String)} under the id {@code fz}.
 */
public final class Seeds {
    /** The target class every seed patches. */
    public static final String TARGET = "dev.jlivepatch.fuzztest.app.Target";
    /** The patch id of every seed. */
    public static final String ID = "fz";
    static final String FIX = "fuzz/seed/GreetFix";
    static final String HELPER = "fuzz/seed/Helper";
    private static final String API = "Ldev/jlivepatch/api/";
    private static final String STRING_TO_STRING = "(Ljava/lang/String;)Ljava/lang/String;";

    private Seeds() {
    }

    /**
     * A seed: its jar, its class files, and what {@code Target.greet("bob")}
     * answers while it is enabled.
     */
    public record Seed(String name, byte[] jar, Map<String, byte[]> classes, String answer, String manifest,
                       boolean stored) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One entry of a jar as {@link #jar} writes it. */
    public record Entry(String name, byte[] bytes, boolean stored) {
    }

    private static final List<Seed> ALL = build();

    /** Every seed. */
    public static List<Seed> all() {
        return ALL;
    }

    private static List<Seed> build() {
        List<Seed> out = new ArrayList<>();
        byte[] plain = fix(false, false);
        out.add(seed("plain", "Livepatch-Id: fz\n", false, "fuzz bob", Map.of(FIX, plain)));
        out.add(seed("stored", "Livepatch-Id: fz\n", true, "fuzz bob", Map.of(FIX, plain)));
        Map<String, byte[]> full = new LinkedHashMap<>();
        full.put(FIX, fix(true, true));
        out.add(seed("original-callbacks", "Livepatch-Id: fz\nLivepatch-Description: a seed with @Original\n"
                + "Livepatch-States: 1:1\n", false, "fuzz hello bob", full));
        Map<String, byte[]> helped = new LinkedHashMap<>();
        helped.put(FIX, fix(false, false));
        helped.put(HELPER, helper());
        out.add(seed("replace-helper", "Livepatch-Id: fz\nLivepatch-Replace: true\nLivepatch-Deferred-Targets: *\n",
                true, "fuzz bob", helped));
        return List.copyOf(out);
    }

    private static Seed seed(String name, String manifest, boolean stored, String answer, Map<String, byte[]> classes) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("META-INF/MANIFEST.MF", manifest(manifest), stored));
        classes.forEach((n, b) -> entries.add(new Entry(n + ".class", b, stored)));
        return new Seed(name, jar(entries), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes)), answer,
                manifest, stored);
    }

    /** A manifest's bytes: the version line, the given lines, and the blank line that ends the main section. */
    public static byte[] manifest(String lines) {
        return ("Manifest-Version: 1.0\n" + lines + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A zip of these entries, in order; duplicate names are allowed. */
    public static byte[] jar(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, String> renamed = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int n = 0;
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Entry e : entries) {
                String name = e.name();
                if (!names.add(name) && !name.isEmpty()) {
                    // ZipOutputStream refuses a duplicate: write a placeholder of the same length, renamed below.
                    String placeholder = placeholder(name, n++);
                    renamed.put(placeholder, name);
                    name = placeholder;
                }
                ZipEntry z = new ZipEntry(name);
                if (e.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(e.bytes());
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(e.bytes().length);
                    z.setCompressedSize(e.bytes().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] out = bytes.toByteArray();
        renamed.forEach((from, to) -> Bytes.replaceAll(out, from.getBytes(StandardCharsets.UTF_8),
                to.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static String placeholder(String name, int n) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        String tag = "~" + n + "~";
        StringBuilder sb = new StringBuilder(tag);
        while (sb.length() < b.length) {
            sb.append('~');
        }
        if (sb.length() != b.length) {
            throw new IllegalArgumentException("a duplicate name too short to rename: " + name);
        }
        return sb.toString();
    }

    /**
     * The patch class: {@code @Replace static String greet(String name)} answering
     * {@code "fuzz " + name}, or with {@code original} {@code "fuzz " + greet$original(name)};
     * with {@code callbacks} a {@code @PrePatch} returning true and an empty {@code @PostPatch}.
     */
    static byte[] fix(boolean original, boolean callbacks) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, FIX, null,
                "java/lang/Object", null);
        AnnotationVisitor patch = cw.visitAnnotation(API + "Patch;", true);
        patch.visit("target", TARGET);
        patch.visitEnd();
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "greet", STRING_TO_STRING, null, null);
        m.visitAnnotation(API + "Replace;", true).visitEnd();
        m.visitCode();
        m.visitLdcInsn("fuzz ");
        m.visitVarInsn(Opcodes.ALOAD, 0);
        if (original) {
            m.visitMethodInsn(Opcodes.INVOKESTATIC, FIX, "greet$original", STRING_TO_STRING, false);
        }
        m.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat", STRING_TO_STRING, false);
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        if (original) {
            MethodVisitor o = cw.visitMethod(Opcodes.ACC_STATIC, "greet$original", STRING_TO_STRING, null, null);
            o.visitAnnotation(API + "Original;", true).visitEnd();
            o.visitCode();
            o.visitTypeInsn(Opcodes.NEW, "java/lang/AssertionError");
            o.visitInsn(Opcodes.DUP);
            o.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/AssertionError", "<init>", "()V", false);
            o.visitInsn(Opcodes.ATHROW);
            o.visitMaxs(0, 0);
            o.visitEnd();
        }
        if (callbacks) {
            callback(cw, "PrePatch", "pre", "()Z", Opcodes.ICONST_1, Opcodes.IRETURN);
            callback(cw, "PostPatch", "post", "()V", Opcodes.NOP, Opcodes.RETURN);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void callback(ClassWriter cw, String annotation, String name, String desc, int push, int ret) {
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, name, desc, null, null);
        m.visitAnnotation(API + annotation + ";", true).visitEnd();
        m.visitCode();
        m.visitInsn(push);
        m.visitInsn(ret);
        m.visitMaxs(0, 0);
        m.visitEnd();
    }

    /** A helper class of the jar: {@code static String tag()}. */
    static byte[] helper() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, HELPER, null, "java/lang/Object", null);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_STATIC, "tag", "()Ljava/lang/String;", null, null);
        m.visitCode();
        m.visitLdcInsn("fuzz ");
        m.visitInsn(Opcodes.ARETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
