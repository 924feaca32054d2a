package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.weave.Shape;
import dev.jlivepatch.runtime.Dispatch;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Set;

/** What the core needs from the JVM: retransformation, module access, defining shapes. */
final class Environment {
    private final Instrumentation inst;
    private final Module runtime = Dispatch.class.getModule();

    Environment(Instrumentation inst) {
        this.inst = inst;
    }

    Instrumentation instrumentation() {
        return inst;
    }

    /** Retransforms classes in one call: one safepoint for the whole patch. */
    void retransform(Class<?>[] classes) throws PatchException {
        if (classes.length == 0) {
            return;
        }
        try {
            inst.retransformClasses(classes);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            throw new PatchException("the JVM refused to retransform " + names(classes) + ": " + e, e);
        }
    }

    boolean modifiable(Class<?> c) {
        return inst.isModifiableClass(c);
    }

    /**
     * Lets stubs in a named module's class reach the runtime, and the runtime
     * and the patch loader reach the class's package.
     */
    void open(Class<?> target, ClassLoader patchLoader) {
        Module m = target.getModule();
        if (!m.isNamed()) {
            return;
        }
        String pkg = target.getPackageName();
        Set<Module> to = Set.of(runtime, patchLoader.getUnnamedModule());
        inst.redefineModule(m, Set.of(runtime), Map.of(pkg, to), Map.of(pkg, to), Set.of(), Map.of());
    }

    /** Defines a shape interface beside the runtime, once per JVM. */
    synchronized void defineShape(Shape shape) throws PatchException {
        ClassLoader home = Dispatch.class.getClassLoader();
        try {
            Class.forName(shape.binaryName(), false, home);
            return;
        } catch (ClassNotFoundException absent) {
            // define it below
        }
        try {
            MethodHandles.privateLookupIn(Dispatch.class, MethodHandles.lookup()).defineClass(shape.interfaceBytes());
        } catch (IllegalAccessException | LinkageError e) {
            throw new PatchException("cannot define dispatch shape " + shape.binaryName() + ": " + e, e);
        }
    }

    static String names(Class<?>[] classes) {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : classes) {
            sb.append(sb.length() == 0 ? "" : ", ").append(c.getName());
        }
        return sb.toString();
    }
}
