package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.weave.Shape;
import dev.jlivepatch.runtime.Dispatch;
import java.lang.instrument.ClassFileTransformer;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM as the core's unit tests make it: the loaded classes are those the
 * test registers, retransforming records the classes and weaves nothing (so
 * no stub ever runs: the tests read the func sites instead), and can be made
 * to fail. Shape interfaces are defined for real, beside {@link Dispatch}
 * (on the test class path, in the application class loader), as
 * {@link JvmEnvironment} does, so that bindings can be made.
 */
final class FakeEnvironment implements Environment {
    private final List<Class<?>> loaded = new CopyOnWriteArrayList<>();
    private final List<List<Class<?>>> retransformed = new CopyOnWriteArrayList<>();
    private final List<ClassFileTransformer> transformers = new CopyOnWriteArrayList<>();
    private final Set<Class<?>> unmodifiable = ConcurrentHashMap.newKeySet();
    private volatile String retransformFailure;
    private volatile Runnable beforeListing;

    /** Registers classes as loaded. */
    void load(Class<?>... classes) {
        loaded.addAll(List.of(classes));
    }

    /**
     * Runs {@code r} once, the next time the core lists the loaded classes
     * (as an enable looks for its targets): what happens in the application
     * just then.
     */
    void beforeListing(Runnable r) {
        beforeListing = r;
    }

    /** Makes every retransformation fail with this reason, or succeed again with null. */
    void failRetransform(String reason) {
        retransformFailure = reason;
    }

    void unmodifiable(Class<?> c) {
        unmodifiable.add(c);
    }

    /** The classes of each retransformation that succeeded (none for an empty request), in order. */
    List<List<Class<?>>> retransformed() {
        return List.copyOf(retransformed);
    }

    List<ClassFileTransformer> transformers() {
        return List.copyOf(transformers);
    }

    @Override
    public Class<?>[] loadedClasses() {
        Runnable r = beforeListing;
        beforeListing = null;
        if (r != null) {
            r.run();
        }
        return loaded.toArray(new Class<?>[0]);
    }

    @Override
    public void addTransformer(ClassFileTransformer transformer) {
        transformers.add(transformer);
    }

    @Override
    public void retransform(Class<?>[] classes) throws PatchException {
        if (classes.length == 0) {
            return;
        }
        String failure = retransformFailure;
        if (failure != null) {
            throw new PatchException("the JVM refused to retransform " + JvmEnvironment.names(classes) + ": "
                    + failure);
        }
        retransformed.add(List.of(classes));
    }

    @Override
    public boolean modifiable(Class<?> c) {
        return !unmodifiable.contains(c);
    }

    @Override
    public void open(Module module, String pkg, ClassLoader patchLoader) {
        // The tests' targets are in the unnamed module: nothing to open.
    }

    @Override
    public void defineShape(Shape shape) throws PatchException {
        synchronized (FakeEnvironment.class) { // once per JVM, whichever core asks
            ClassLoader home = Dispatch.class.getClassLoader();
            try {
                Class.forName(shape.binaryName(), false, home);
                return;
            } catch (ClassNotFoundException absent) {
                // define it below
            }
            try {
                MethodHandles.privateLookupIn(Dispatch.class, MethodHandles.lookup())
                        .defineClass(shape.interfaceBytes());
            } catch (IllegalAccessException | LinkageError e) {
                throw new PatchException("cannot define dispatch shape " + shape.binaryName() + ": " + e, e);
            }
        }
    }
}
