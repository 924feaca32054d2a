package dev.jlivepatch.agent.internal;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Defines classes in the bootstrap class loader from bytes in memory, through
 * the JDK's internal {@code Unsafe.defineClass} (which takes a {@code null}
 * loader for the bootstrap one). Its package is exported to the agent alone
 * for that; no file, no change to the bootstrap search path.
 */
final class BootDefiner {
    private final Object unsafe;
    private final Method define;

    private BootDefiner(Object unsafe, Method define) {
        this.unsafe = unsafe;
        this.define = define;
    }

    static BootDefiner open(Instrumentation inst) {
        try {
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(BootDefiner.class.getModule())),
                    Map.of(), Set.of(), Map.of());
            Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = type.getMethod("getUnsafe").invoke(null);
            Method define = type.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, ProtectionDomain.class);
            return new BootDefiner(unsafe, define);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot define the jlivepatch runtime in the bootstrap class loader"
                    + " (this JDK's jdk.internal.misc.Unsafe.defineClass is out of reach): " + e, e);
        }
    }

    /** Defines every class, each after its superclass and interfaces of the same set. */
    void defineAll(Map<String, byte[]> classes) {
        Set<String> done = new HashSet<>();
        for (String name : classes.keySet()) {
            define(name, classes, done);
        }
    }

    private void define(String name, Map<String, byte[]> classes, Set<String> done) {
        byte[] bytes = classes.get(name);
        if (bytes == null || !done.add(name)) {
            return;
        }
        for (String parent : supertypes(bytes)) {
            define(parent, classes, done);
        }
        try {
            define.invoke(unsafe, name.replace('/', '.'), bytes, 0, bytes.length, null, null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot define " + name.replace('/', '.') + " in the bootstrap class loader: "
                    + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot define " + name.replace('/', '.') + ": " + e, e);
        }
    }

    /**
     * The superclass and interfaces a class file names (internal names), read from its constant pool by
     * hand: no ASM at start-up, where loading its classes would cost more than this whole step.
     */
    static java.util.List<String> supertypes(byte[] b) {
        int count = u2(b, 8);
        int[] offsets = new int[count];
        int p = 10;
        for (int i = 1; i < count; i++) {
            offsets[i] = p;
            int tag = b[p] & 0xff;
            p += switch (tag) {
                case 1 -> 3 + u2(b, p + 1);
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                default -> throw new IllegalArgumentException("constant pool tag " + tag);
            };
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        int superIndex = u2(b, p + 4);
        if (superIndex != 0) {
            out.add(className(b, offsets, superIndex));
        }
        int interfaces = u2(b, p + 6);
        for (int i = 0; i < interfaces; i++) {
            out.add(className(b, offsets, u2(b, p + 8 + 2 * i)));
        }
        return out;
    }

    private static String className(byte[] b, int[] offsets, int classIndex) {
        int utf = offsets[u2(b, offsets[classIndex] + 1)];
        return new String(b, utf + 3, u2(b, utf + 1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
