package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.weave.Shape;
import java.lang.instrument.ClassFileTransformer;

/**
 * What the core needs from the JVM, behind one seam so that the core can be
 * tested without a forked JVM: the loaded classes, retransformation, module
 * access, and the shape interfaces stubs call through.
 */
interface Environment {

    /** @return every class the JVM has loaded */
    Class<?>[] loadedClasses();

    /** Registers the one class-file transformer, for loading and retransformed classes. */
    void addTransformer(ClassFileTransformer transformer);

    /** Retransforms classes in one call: one safepoint for the whole patch. */
    void retransform(Class<?>[] classes) throws PatchException;

    /** @return whether the JVM can retransform the class */
    boolean modifiable(Class<?> c);

    /**
     * Lets stubs in a named module's package reach the runtime, and the patch
     * loader reach that package.
     *
     * @param module the target's module
     * @param pkg the target's package
     * @param patchLoader the loader of the patch classes
     */
    void open(Module module, String pkg, ClassLoader patchLoader);

    /** Defines a shape interface beside the runtime, once per JVM. */
    void defineShape(Shape shape) throws PatchException;
}
