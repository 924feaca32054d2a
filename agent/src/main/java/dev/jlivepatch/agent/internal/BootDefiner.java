package dev.jlivepatch.agent.internal;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;

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
        ClassReader reader = new ClassReader(bytes);
        define(reader.getSuperName(), classes, done);
        for (String itf : reader.getInterfaces()) {
            define(itf, classes, done);
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
}
