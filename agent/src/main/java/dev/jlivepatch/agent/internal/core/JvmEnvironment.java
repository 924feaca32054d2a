package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.weave.Shape;
import dev.jlivepatch.runtime.Dispatch;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.Set;

/** The environment of a real JVM: its {@link Instrumentation}. */
final class JvmEnvironment implements Environment {
    private final Instrumentation inst;
    private final Module runtime = Dispatch.class.getModule();

    JvmEnvironment(Instrumentation inst) {
        this.inst = inst;
    }

    @Override
    public Class<?>[] loadedClasses() {
        return inst.getAllLoadedClasses();
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer) {
        inst.addTransformer(transformer, true);
    }

    @Override
    public void retransform(Class<?>[] classes) throws PatchException {
        if (classes.length == 0) {
            return;
        }
        try {
            inst.retransformClasses(classes);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            throw new PatchException("the JVM refused to retransform " + names(classes) + ": " + e, e);
        }
    }

    @Override
    public boolean modifiable(Class<?> c) {
        return inst.isModifiableClass(c);
    }

    @Override
    public void open(Module module, String pkg, ClassLoader patchLoader) {
        if (module == null || !module.isNamed()) {
            return;
        }
        Set<Module> to = Set.of(runtime, patchLoader.getUnnamedModule());
        inst.redefineModule(module, Set.of(runtime), Map.of(pkg, to), Map.of(pkg, to), Set.of(), Map.of());
    }

    @Override
    public synchronized void defineShape(Shape shape) throws PatchException {
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
