package dev.jlivepatch.agent.internal.weave;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.runtime.Dispatch;
import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.Linker;
import dev.jlivepatch.runtime.Snapshot;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Weaves stubs into a real class and runs it, with func sites published by hand. */
class StubWeaverTest {
    static final Map<String, FuncSite> SITES = new HashMap<>();

    /** The target. */
    public static class Target {
        private final String name;

        public Target(String name) {
            this.name = name;
        }

        public String greet(String who, int times) {
            return name + " greets " + who + " x" + times;
        }

        public static long add(long a, long b) {
            return a + b;
        }

        public int[] pair(int a) {
            return new int[] {a, a};
        }
    }

    /** Replacements, called through generated bridges (the receiver as Object: the woven Target is another class). */
    public static final class Fix {
        public static String greet(Object self, String who, int times) {
            return "patched " + who + " " + times;
        }

        public static long add(long a, long b) {
            return a * b;
        }
    }

    @BeforeAll
    static void linker() {
        Dispatch.install(new Linker() {
            @Override
            public FuncSite site(Class<?> owner, String method) {
                return SITES.computeIfAbsent(method, FuncSite::new);
            }

            @Override
            public void classInit(Class<?> owner) {
            }

            @Override
            public java.lang.invoke.CallSite original(Class<?> caller, String accessor,
                                                      java.lang.invoke.MethodType type) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @Test
    void indyStubsRunTheTopOfTheStackOrTheOriginal() throws Exception {
        Class<?> woven = weave(StubWeaver.Mode.INDY);
        Object t = woven.getConstructor(String.class).newInstance("ann");
        Method greet = woven.getMethod("greet", String.class, int.class);
        Method add = woven.getMethod("add", long.class, long.class);
        assertEquals("ann greets bob x2", greet.invoke(t, "bob", 2), "an empty site runs the original");
        assertEquals(5L, add.invoke(null, 2L, 3L));

        SITES.computeIfAbsent("greet(Ljava/lang/String;I)Ljava/lang/String;", FuncSite::new)
                .publish(Snapshot.steady(bridge(false, "(Ljava/lang/String;I)Ljava/lang/String;", "greet",
                        "(Ljava/lang/Object;Ljava/lang/String;I)Ljava/lang/String;")));
        SITES.computeIfAbsent("add(JJ)J", FuncSite::new).publish(Snapshot.steady(bridge(true, "(JJ)J", "add", "(JJ)J")));
        assertEquals("patched bob 2", greet.invoke(t, "bob", 2));
        assertEquals(6L, add.invoke(null, 2L, 3L));
        assertArrayEquals(new int[] {7, 7}, (int[]) woven.getMethod("pair", int.class).invoke(t, 7),
                "a method no patch targets is untouched");

        SITES.get("add(JJ)J").publish(Snapshot.ORIGINAL);
        assertEquals(5L, add.invoke(null, 2L, 3L), "back to the original");
    }

    private static Object bridge(boolean isStatic, String targetDesc, String method, String desc) throws Exception {
        Shape shape = Shape.of(isStatic, targetDesc);
        MethodHandles.Lookup runtime = MethodHandles.privateLookupIn(Dispatch.class, MethodHandles.lookup());
        try {
            Class.forName(shape.binaryName());
        } catch (ClassNotFoundException e) {
            runtime.defineClass(shape.interfaceBytes());
        }
        MethodHandle target = MethodHandles.lookup().findStatic(Fix.class, method,
                MethodType.fromMethodDescriptorString(desc, null)).asType(MethodType.fromMethodDescriptorString(
                shape.callDesc(), null));
        byte[] bytes = BridgeMaker.make(StubWeaverTest.class.getName().replace('.', '/') + "$Bridge", shape);
        MethodHandles.Lookup bridge = MethodHandles.lookup().defineHiddenClass(bytes, true);
        return bridge.lookupClass().getConstructor(MethodHandle.class).newInstance(target);
    }

    private static Class<?> weave(StubWeaver.Mode mode) throws Exception {
        String resource = Target.class.getName().replace('.', '/') + ".class";
        byte[] original;
        try (InputStream in = StubWeaverTest.class.getClassLoader().getResourceAsStream(resource)) {
            original = in.readAllBytes();
        }
        byte[] woven = StubWeaver.weave(original, List.of("greet(Ljava/lang/String;I)Ljava/lang/String;", "add(JJ)J"),
                mode, key -> -1, false);
        ClassLoader child = new ClassLoader(StubWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(Target.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : defineClass(name, woven, 0, woven.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return child.loadClass(Target.class.getName());
    }
}
