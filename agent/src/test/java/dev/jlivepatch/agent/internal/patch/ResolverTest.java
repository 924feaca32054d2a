package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Matching replacements to target methods, and the reasons for refusals. */
class ResolverTest {
    static final String T = "com/example/Greeter";

    /** The target's shape. */
    public abstract static class Greeter {
        public String greet(String name) {
            return name;
        }

        public static int twice(int x) {
            return 2 * x;
        }

        public abstract void shout();
    }

    /** {@code compareTo(Object)} is a bridge to {@code compareTo(Box)}. */
    public static class Box implements Comparable<Box> {
        @Override
        public int compareTo(Box o) {
            return 0;
        }
    }

    /** A bridge {@code compareTo(Object)} whose target reflection cannot tell: both methods take an Object. */
    public static class Two implements Comparable<Two> {
        @Override
        public int compareTo(Two o) {
            return 0;
        }

        public int compareTo(String s) {
            return 1;
        }
    }

    /** Package-private: a public subclass gets a bridge for each of its public methods. */
    static class Base {
        public int size() {
            return 1;
        }
    }

    /** Declares only {@code size()}, a bridge to {@code Base.size()} that javac adds. */
    public static class Sub extends Base {
    }

    private static PatchClass patch(Replacement... rs) {
        return new PatchClass("fix/Fix", Greeter.class.getName(), "", List.of(rs), List.of(), List.of(), List.of());
    }

    private static String refusal(Replacement r) {
        return refusal(r, TargetShape.of(Greeter.class));
    }

    private static String refusal(Replacement r, TargetShape shape) {
        return assertThrows(PatchException.class, () -> Resolver.resolve("p", patch(r), shape)).getMessage();
    }

    /** A class's file as its loader has it (java.base classes from the run-time image). */
    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void matchesInstanceAndStaticMethods() throws PatchException {
        String self = "L" + Greeter.class.getName().replace('.', '/') + ";";
        List<Resolver.Resolved> r = Resolver.resolve("p", patch(
                new Replacement("greet", "(" + self + "Ljava/lang/String;)Ljava/lang/String;", "greet"),
                new Replacement("doubled", "(I)I", "twice")), TargetShape.of(Greeter.class));
        assertEquals("greet(Ljava/lang/String;)Ljava/lang/String;", r.get(0).key());
        assertEquals("twice(I)I", r.get(1).key());
        List<Resolver.Resolved> anon = Resolver.resolve("p", patch(new Replacement("greet",
                "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/String;", "greet")), TargetShape.of(Greeter.class));
        assertEquals("greet(Ljava/lang/String;)Ljava/lang/String;", anon.get(0).key(), "an Object receiver fits too");
    }

    @Test
    void refusesWithTheCause() {
        assertTrue(refusal(new Replacement("nope", "()V", "nope")).contains("target method "
                + Greeter.class.getName() + ".nope not found"));
        assertTrue(refusal(new Replacement("greet", "(Ljava/lang/String;)Ljava/lang/String;", "greet"))
                .contains("is an instance method"));
        assertTrue(refusal(new Replacement("twice", "(Ljava/lang/Object;I)I", "twice")).contains("is static"));
        assertTrue(refusal(new Replacement("twice", "(I)J", "twice")).contains("returns int, the replacement returns long"));
        assertTrue(refusal(new Replacement("shout", "(Ljava/lang/Object;)V", "shout")).contains("is abstract"));
        assertTrue(refusal(new Replacement("ctor", "()V", "<init>")).contains("cannot be patched"));
        assertTrue(refusal(new Replacement("twice", "(J)I", "twice")).contains("no method"));
    }

    @Test
    void refusesJvmIntrinsicsReadEitherWay() throws Exception {
        for (TargetShape shape : List.of(TargetShape.of(Math.class), TargetShape.of(classFile(Math.class)))) {
            assertEquals("patch 'p': fix.Fix.abs: static java.lang.Math.abs(int) is a JVM intrinsic"
                    + " (@IntrinsicCandidate): compiled code runs the JVM's own implementation and would never run"
                    + " the replacement; patch its callers instead", refusal(new Replacement("abs", "(I)I", "abs"), shape));
            assertTrue(refusal(new Replacement("sqrt", "(D)D", "sqrt"), shape).contains("is a JVM intrinsic"));
            assertEquals("floorMod(II)I", Resolver.resolve("p", patch(new Replacement("floorMod", "(II)I", "floorMod")),
                    shape).get(0).key(), "an ordinary method of the same class is patched");
        }
    }

    @Test
    void readsTheIntrinsicAnnotationAlikeFromClassAndClassFile() throws Exception {
        for (Class<?> c : List.of(Math.class, Integer.class, String.class, java.util.Arrays.class)) {
            Map<String, Boolean> fromFile = new HashMap<>();
            for (TargetShape.MethodShape m : TargetShape.of(classFile(c)).methods()) {
                fromFile.put(m.name() + m.desc(), m.intrinsic());
            }
            int intrinsics = 0;
            for (TargetShape.MethodShape m : TargetShape.of(c).methods()) {
                assertEquals(fromFile.get(m.name() + m.desc()), m.intrinsic(), c.getName() + "." + m.name() + m.desc());
                intrinsics += m.intrinsic() ? 1 : 0;
            }
            assertTrue(intrinsics > 0, c.getName() + " has intrinsics");
        }
    }

    @Test
    void knowsBothNamesOfTheAnnotationAndOnlyWhenVisible() {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "x/Old", null, "java/lang/Object", null);
        String[][] methods = {{"old", "Ljdk/internal/HotSpotIntrinsicCandidate;", "true"},
            {"current", "Ljdk/internal/vm/annotation/IntrinsicCandidate;", "true"},
            {"invisible", "Ljdk/internal/vm/annotation/IntrinsicCandidate;", "false"},
            {"other", "Ljava/lang/Deprecated;", "true"}};
        for (String[] m : methods) {
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, m[0], "()V", null, null);
            mv.visitAnnotation(m[1], Boolean.parseBoolean(m[2])).visitEnd();
            mv.visitCode();
            mv.visitInsn(Opcodes.RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        cw.visitEnd();
        Map<String, Boolean> intrinsic = new HashMap<>();
        for (TargetShape.MethodShape m : TargetShape.of(cw.toByteArray()).methods()) {
            intrinsic.put(m.name(), m.intrinsic());
        }
        assertEquals(Map.of("old", true, "current", true, "invisible", false, "other", false), intrinsic);
    }

    @Test
    void namesTheMethodABridgeCalls() throws Exception {
        String box = Box.class.getName();
        String self = "L" + box.replace('.', '/') + ";";
        for (TargetShape shape : List.of(TargetShape.of(Box.class), TargetShape.of(classFile(Box.class)))) {
            String expected = "patch 'p': fix.Fix.compareTo: " + box + ".compareTo(java.lang.Object) is a bridge"
                    + " method the compiler generated; patch the method it calls instead: " + box + ".compareTo("
                    + box + ")";
            assertEquals(expected, refusal(new Replacement("compareTo", "(" + self + "Ljava/lang/Object;)I",
                    "compareTo"), shape));
            assertEquals(expected, refusal(new Replacement("compareTo", "(Ljava/lang/Object;)I", "compareTo"), shape),
                    "the bridge's parameters without the receiver");
            assertEquals("compareTo(" + self + ")I", Resolver.resolve("p", patch(new Replacement("compareTo",
                    "(" + self + self + ")I", "compareTo")), shape).get(0).key(), "the bridged method is patched");
        }
        String two = Two.class.getName();
        Replacement onBridge = new Replacement("compareTo", "(Ljava/lang/Object;Ljava/lang/Object;)I", "compareTo");
        assertTrue(refusal(onBridge, TargetShape.of(classFile(Two.class))).endsWith(
                "; patch the method it calls instead: " + two + ".compareTo(" + two + ")"), "the class file's code tells");
        String guessed = refusal(onBridge, TargetShape.of(Two.class));
        assertTrue(guessed.contains("; patch the method it calls instead, one of: ")
                && guessed.contains(two + ".compareTo(" + two + ")")
                && guessed.contains(two + ".compareTo(java.lang.String)"), guessed);
        String sub = Sub.class.getName();
        for (TargetShape shape : List.of(TargetShape.of(Sub.class), TargetShape.of(classFile(Sub.class)))) {
            assertTrue(shape.methods().stream().anyMatch(m -> m.name().equals("size") && m.isBridge()),
                    "javac gave Sub a bridge to Base.size()");
            assertEquals("patch 'p': fix.Fix.size: " + sub + ".size() is a bridge method the compiler generated;"
                    + " patch the method it calls instead: " + Base.class.getName() + ".size()",
                    refusal(new Replacement("size", "(Ljava/lang/Object;)I", "size"), shape));
        }
    }
}
