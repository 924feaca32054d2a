package dev.jlivepatch.agent.internal.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static PatchClass patch(Replacement... rs) {
        return new PatchClass("fix/Fix", Greeter.class.getName(), "", List.of(rs), List.of(), List.of());
    }

    private static String refusal(Replacement r) {
        return assertThrows(PatchException.class,
                () -> Resolver.resolve("p", patch(r), TargetShape.of(Greeter.class))).getMessage();
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
}
