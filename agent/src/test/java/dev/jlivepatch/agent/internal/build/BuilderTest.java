package dev.jlivepatch.agent.internal.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.patch.PatchJarReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The patch the builder writes: one patch class per changed class, a static
 * {@code @Replace} method per changed method with the new body (receiver
 * first), and what the new bodies need carried and linked.
 */
class BuilderTest {
    private static final String COUNTER = """
            package p;
            public class Counter {
                private int count;
                public int next(int step) {
                    count += step;
                    return count;
                }
                public static int twice(int x) { return x + x; }
            }
            """;

    @Test
    void aChangedMethodBecomesAStaticReplacementWithTheReceiverFirst(@TempDir Path dir) throws Exception {
        Builds b = Builds.of(dir, Map.of("p.Counter", COUNTER), Map.of("p.Counter", COUNTER
                .replace("count += step;", "count += step * 2;").replace("x + x", "2 * x + 1")));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertEquals(List.of("META-INF/MANIFEST.MF", "p/Counter$$Livepatch.class"), b.jarEntries());
        ClassNode pc = b.jarClass("p/Counter$$Livepatch");
        assertEquals("Ldev/jlivepatch/api/Patch;", pc.visibleAnnotations.get(0).desc);
        assertEquals(List.of("target", "p.Counter"), pc.visibleAnnotations.get(0).values);
        MethodNode next = Builds.method(pc, "next", "(Lp/Counter;I)I");
        assertTrue((next.access & Opcodes.ACC_STATIC) != 0);
        assertEquals("Ldev/jlivepatch/api/Replace;", next.visibleAnnotations.get(0).desc);
        assertNull(next.visibleAnnotations.get(0).values, "same name: no method = ...");
        assertTrue(insns(next).contains("GETFIELD p/Counter.count I"), () -> insns(next).toString());
        Builds.method(pc, "twice", "(I)I");

        PatchJar jar = PatchJarReader.read(b.jar);
        assertEquals("test-patch", jar.id());
        assertFalse(jar.replace());
        assertEquals(1, jar.patchClasses().size());
        assertEquals(2, jar.patchClasses().get(0).replacements().size());
        try (JarFile j = new JarFile(b.jar.toFile())) {
            assertTrue(j.getManifest().getMainAttributes().getValue("Livepatch-Description")
                    .matches("built by jlivepatch build from old to new: 2 methods"), b::report);
        }
        assertEquals("patch 'test-patch' written to " + b.jar + ": 2 methods of 1 class replaced", b.result.summary());
    }

    @Test
    void replaceMakesAnAtomicReplacePatchAndTheSameBuildsGiveTheSameBytes(@TempDir Path dir) throws Exception {
        Map<String, String> now = Map.of("p.Counter", COUNTER.replace("x + x", "x * 2"));
        Builds b = Builds.of(dir, Map.of("p.Counter", COUNTER), now, true);
        assertTrue(PatchJarReader.read(b.jar).replace());
        byte[] first = Files.readAllBytes(b.jar);
        Builds again = Builds.of(dir, dir.resolve("old"), dir.resolve("new"));
        assertFalse(PatchJarReader.read(again.jar).replace());
        Builds.of(dir, Map.of("p.Counter", COUNTER), now, true);
        assertEquals(List.of(first.length), List.of(Files.readAllBytes(b.jar).length));
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(b.jar)), "reproducible");
    }

    @Test
    void newPrivateAndStaticHelpersAreCarriedAndCalledInThePatch(@TempDir Path dir) throws Exception {
        String now = COUNTER.replace("count += step;", "count += clamp(step) + bonus(step);")
                .replace("public static int twice", """
                        private int clamp(int s) { return Math.min(s, count + 10); }
                            static int bonus(int s) { return s > 100 ? 1 : 0; }
                            public static int twice""");
        Builds b = Builds.of(dir, Map.of("p.Counter", COUNTER), Map.of("p.Counter", now));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        ClassNode pc = b.jarClass("p/Counter$$Livepatch");
        MethodNode next = Builds.method(pc, "next", "(Lp/Counter;I)I");
        assertTrue(insns(next).contains("INVOKESTATIC p/Counter$$Livepatch.clamp(Lp/Counter;I)I"),
                () -> insns(next).toString());
        assertTrue(insns(next).contains("INVOKESTATIC p/Counter$$Livepatch.bonus(I)I"), () -> insns(next).toString());
        MethodNode clamp = Builds.method(pc, "clamp", "(Lp/Counter;I)I");
        assertTrue(clamp.visibleAnnotations == null, "a helper, not a replacement");
        assertEquals(List.of("p.Counter.clamp(int): new private method the patched code uses, carried as"
                + " p.Counter$$Livepatch.clamp", "p.Counter.bonus(int): new package-private static method the patched"
                + " code uses, carried as p.Counter$$Livepatch.bonus"), b.entries(Report.Decision.CARRY));
    }

    @Test
    void lambdasAndMethodReferencesAreLinkedToThePatchsCopies(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                import java.util.*;
                import java.util.stream.*;
                public class Names {
                    private final String suffix = "!";
                    private String decorate(String s) { return "[" + s + "]"; }
                    public String join(List<String> in) { return String.join(",", in); }
                }
                """;
        String now = old.replace("return String.join(\",\", in);", """
                return in.stream().map(s -> s + suffix).map(this::decorate).map(Names::shout).map(StringBuilder::new)
                            .map(x -> x.toString()).collect(Collectors.joining(","));""")
                .replace("public String join", "private static String shout(String s) { return s.toUpperCase(); }\n"
                        + "    public String join");
        Builds b = Builds.of(dir, Map.of("p.Names", old), Map.of("p.Names", now));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        ClassNode pc = b.jarClass("p/Names$$Livepatch");
        List<Handle> handles = new ArrayList<>();
        for (MethodNode m : pc.methods) {
            for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof InvokeDynamicInsnNode d && d.bsm.getOwner().equals(Lambdas.METAFACTORY)) {
                    handles.add((Handle) d.bsmArgs[1]);
                }
            }
        }
        assertEquals(5, handles.size(), handles::toString);
        assertEquals("java/lang/StringBuilder", handles.get(3).getOwner(), "a JDK constructor reference stays");
        handles.remove(3);
        for (Handle h : handles) {
            assertEquals("p/Names$$Livepatch", h.getOwner(), "every lambda and method reference links to the patch: "
                    + handles);
            assertEquals(Opcodes.H_INVOKESTATIC, h.getTag());
        }
        Builds.method(pc, "lambda$join$0", "(Lp/Names;Ljava/lang/String;)Ljava/lang/String;");
        Builds.method(pc, "ref$Names$decorate", "(Lp/Names;Ljava/lang/String;)Ljava/lang/String;");
        MethodNode shout = Builds.method(pc, "ref$Names$shout", "(Ljava/lang/String;)Ljava/lang/String;");
        assertTrue(insns(shout).contains("INVOKESTATIC p/Names$$Livepatch.shout(Ljava/lang/String;)Ljava/lang/String;"),
                "the new private method behind a reference is carried too: " + insns(shout));
        Builds.method(pc, "lambda$join$1", "(Ljava/lang/StringBuilder;)Ljava/lang/String;");
        assertTrue(handles.stream().noneMatch(h -> h.getName().contains("StringBuilder")));
    }

    @Test
    void olderCompilersCallPrivateMethodsWithInvokespecialWhichThePatchCallsVirtually(@TempDir Path dir)
            throws Exception {
        String old = """
                package p;
                public class Old {
                    private int secret() { return 41; }
                    public int answer() { return secret(); }
                }
                """;
        Path o = Compile.classes(dir.resolve("old"), Map.of("p.Old", old), "--release", "8");
        Path n = Compile.classes(dir.resolve("new"), Map.of("p.Old", old.replace("return secret();",
                "return secret() + 1;")), "--release", "8");
        Builds b = Builds.of(dir, o, n);
        MethodNode answer = Builds.method(b.jarClass("p/Old$$Livepatch"), "answer", "(Lp/Old;)I");
        assertTrue(insns(answer).contains("INVOKEVIRTUAL p/Old.secret()I"), () -> insns(answer).toString());
        assertEquals(52, b.jarClass("p/Old$$Livepatch").version, "the new build's class file version");
    }

    @Test
    void anEnumSwitchReadsTheCopyOfTheNewTable(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                public class Paint {
                    public enum Color { RED, GREEN, BLUE }
                    public static String of(Color c) { switch (c) { case RED: return "r"; default: return "?"; } }
                }
                """;
        Builds b = Builds.of(dir, Map.of("p.Paint", old), Map.of("p.Paint", old.replace("default:",
                "case BLUE: return \"b\"; default:")));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertTrue(b.jarEntries().contains("p/Paint$1$$Livepatch.class"), b::report);
        MethodNode of = Builds.method(b.jarClass("p/Paint$$Livepatch"), "of", "(Lp/Paint$Color;)Ljava/lang/String;");
        assertTrue(insns(of).contains("GETSTATIC p/Paint$1$$Livepatch.$SwitchMap$p$Paint$Color [I"), () -> insns(of)
                .toString());
        ClassNode table = b.jarClass("p/Paint$1$$Livepatch");
        assertNull(table.nestHostClass);
        assertTrue(table.innerClasses.isEmpty());
    }

    @Test
    void aNewClassIsCarriedOnlyWhenThePatchedCodeUsesIt(@TempDir Path dir) throws Exception {
        String old = "package p; public class Shop { public int price(int c) { return c; } }";
        String now = """
                package p;
                public class Shop {
                    public int price(int c) { return new Rule(c).apply(); }
                    private static final class Rule {
                        private final int c;
                        private Rule(int c) { this.c = c; }
                        private int apply() { return c * 2; }
                    }
                    static class Unused { }
                }
                """;
        String unrelated = "package q; public class Later { }";
        Builds b = Builds.of(dir, Map.of("p.Shop", old), Map.of("p.Shop", now, "q.Later", unrelated));
        assertEquals(Builder.Outcome.WRITTEN, b.outcome(), b::report);
        assertEquals(List.of("META-INF/MANIFEST.MF", "p/Shop$$Livepatch.class", "p/Shop$Rule.class"), b.jarEntries());
        ClassNode carried = b.jarClass("p/Shop$Rule");
        assertNull(carried.nestHostClass, "no nest: the patch's loader is a runtime package apart");
        for (MethodNode m : carried.methods) {
            assertEquals(0, m.access & Opcodes.ACC_PRIVATE, m.name + ": used by the patch class, so not private");
        }
        assertEquals(List.of("p.Shop$Rule: new class the patched code uses, carried in the patch jar"),
                b.entries(Report.Decision.CARRY));
        assertEquals(List.of("p.Shop$Unused: new class the patched code does not use: left out",
                "q.Later: new class the patched code does not use: left out"), b.entries(Report.Decision.NOTE));
    }

    @Test
    void aLambdaWhoseBodyAloneChangedIsReplacedInPlaceWhateverItsNewName(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                import java.util.function.*;
                public class Rules {
                    public static final IntPredicate SMALL = x -> x < 10;
                    public static int first(int x) { return x; }
                }
                """;
        // A new lambda before it renames lambda$static$0 to lambda$static$1 in the new build.
        String now = old.replace("public static final IntPredicate SMALL = x -> x < 10;",
                "public static final IntUnaryOperator DOUBLE = x -> x * 2;\n"
                        + "    public static final IntPredicate SMALL = x -> x < 20;")
                .replace("return x;", "return DOUBLE.applyAsInt(x);");
        Builds b = Builds.of(dir, Map.of("p.Rules", old), Map.of("p.Rules", now), "p.Rules#first", "p.Rules#<clinit>");
        String report = b.report();
        assertEquals(Builder.Outcome.REFUSED, b.outcome(), report);
        // The new field is left out by the patterns, but the included method that reads it is refused for it.
        assertTrue(report.contains("refuse    p.Rules.first(int) (Rules.java:6): uses field p.Rules.DOUBLE"), report);
        assertTrue(report.contains("refuse    p.Rules.<clinit>() (Rules.java:4): static initialiser body changed"),
                report);

        String inPlace = old.replace("x -> x < 10", "x -> x < 20");
        Builds c = Builds.of(dir.resolve("c"), Map.of("p.Rules", old), Map.of("p.Rules", inPlace));
        assertEquals(List.of("p.Rules.lambda$static$0(int): lambda body changed: a lambda of <clinit>(), replaced in"
                + " place by the new build's lambda$static$0"), c.entries(Report.Decision.REPLACE), c::report);
        MethodNode m = Builds.method(c.jarClass("p/Rules$$Livepatch"), "lambda$static$0", "(I)Z");
        assertEquals("Ldev/jlivepatch/api/Replace;", m.visibleAnnotations.get(0).desc);
    }

    @Test
    void lambdasAreMatchedByPositionNotByName(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                import java.util.function.*;
                public class Two {
                    public static IntSupplier a() { return () -> 1; }
                    public static IntSupplier b() { return () -> 2; }
                }
                """;
        // b's lambda is lambda$b$1 in the old build; in the new one a's new lambda makes it lambda$b$2.
        String now = old.replace("return () -> 1;", "IntSupplier x = () -> 0; return () -> 1 + x.getAsInt();")
                .replace("() -> 2", "() -> 3");
        Builds b = Builds.of(dir, Map.of("p.Two", old), Map.of("p.Two", now));
        assertEquals(List.of("p.Two.a(): body changed", "p.Two.lambda$b$1(): lambda body changed: a lambda of b(),"
                + " replaced in place by the new build's lambda$b$2"), b.entries(Report.Decision.REPLACE), b::report);
        ClassNode pc = b.jarClass("p/Two$$Livepatch");
        MethodNode inPlace = Builds.method(pc, "lambda$b$1", "()I");
        assertEquals("Ldev/jlivepatch/api/Replace;", inPlace.visibleAnnotations.get(0).desc,
                "named after the old lambda, which is the one the running class has");
        assertTrue(insns(inPlace).contains("ICONST_3"), () -> insns(inPlace).toString());
    }

    @Test
    void nestedInnerAndAnonymousClassesArePatchedInTheirOwnPatchClasses(@TempDir Path dir) throws Exception {
        String old = """
                package p;
                public class O {
                    private int f = 1;
                    public class In { public int g() { return f; } }
                    static class Nest { int h() { return 2; } }
                    public Runnable r() { return new Runnable() { public void run() { f++; } }; }
                }
                """;
        String now = old.replace("return f;", "return f + 1;").replace("return 2;", "return 3;").replace("f++", "f--");
        Builds b = Builds.of(dir, Map.of("p.O", old), Map.of("p.O", now));
        assertEquals(List.of("META-INF/MANIFEST.MF", "p/O$1$$Livepatch.class", "p/O$In$$Livepatch.class",
                "p/O$Nest$$Livepatch.class"), b.jarEntries());
        Builds.method(b.jarClass("p/O$1$$Livepatch"), "run", "(Lp/O$1;)V");
        Builds.method(b.jarClass("p/O$In$$Livepatch"), "g", "(Lp/O$In;)I");
        MethodNode h = Builds.method(b.jarClass("p/O$Nest$$Livepatch"), "h", "(Lp/O$Nest;)I");
        assertNotEquals(null, h);
        assertEquals(List.of("target", "p.O$1"), b.jarClass("p/O$1$$Livepatch").visibleAnnotations.get(0).values);
    }

    static List<String> insns(MethodNode m) {
        List<String> out = new ArrayList<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                String s = Normalizer.insn(i, Map.of());
                out.add(i instanceof MethodInsnNode || i instanceof FieldInsnNode ? s.replaceAll(" itf$", "") : s);
            }
        }
        return out;
    }
}
