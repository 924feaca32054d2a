package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.weave.OriginalBody;
import dev.jlivepatch.agent.internal.weave.Shape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.objectweb.asm.Type;

/**
 * The original bodies that {@code @Original} accessors run: a copy of each
 * target method a patch replaces and calls the original of, made from the
 * class file the class was defined from (kept as it was first woven), in a
 * loader of its own that rewrites it like a patch class. Made while the
 * patch is enabled (or as a class loading after it initialises), outside the
 * stacks lock; each is linked then, and a copy that cannot link refuses the
 * patch.
 */
final class Originals {

    private Originals() {
    }

    /** Makes the copies a binding's accessors need that its class does not have yet. */
    static void prepare(TargetClass st, Binding b) throws PatchException {
        for (String key : b.originalKeys()) {
            if (st.original(key) == null) {
                st.original(key, copy(st, key, b));
            }
        }
    }

    private static MethodHandle copy(TargetClass st, String key, Binding b) throws PatchException {
        byte[] classFile = st.originalBytes;
        String where = "patch '" + b.patch().id() + "': @Original of " + st.type.getName() + "." + key;
        if (classFile == null) {
            throw new PatchException(where + ": the class file " + st.type.getName() + " was defined from is not"
                    + " known");
        }
        String copyName = Type.getInternalName(st.type) + "$$JlpOriginal$" + key.substring(0, key.indexOf('('));
        if (copyName.startsWith("java/")) {
            copyName = "dev/jlivepatch/original/" + copyName; // only the JDK's own loaders define java.* classes
        }
        byte[] bytes;
        try {
            bytes = OriginalBody.copy(classFile, key, copyName);
        } catch (RuntimeException e) {
            throw new PatchException(where + ": " + e.getMessage(), e);
        }
        PatchClassLoader loader = PatchClassLoader.forCopy(st.type.getClassLoader(), st.type.getName(), copyName,
                bytes);
        loader.link(b.patch().id(), loader.copyClass(), true);
        try {
            Class<?> copy = Class.forName(copyName.replace('/', '.'), true, loader);
            boolean isStatic = java.lang.reflect.Modifier.isStatic(method(st.type, key).getModifiers());
            String desc = key.substring(key.indexOf('('));
            String copyDesc = isStatic ? desc : "(L" + Type.getInternalName(st.type) + ";" + desc.substring(1);
            MethodHandle h = MethodHandles.privateLookupIn(copy, MethodHandles.lookup()).findStatic(copy,
                    key.substring(0, key.indexOf('(')), MethodType.fromMethodDescriptorString(
                            loader.eraseDesc(copyDesc), loader)).asFixedArity();
            return h.asType(MethodType.fromMethodDescriptorString(Shape.of(isStatic, desc).callDesc(), null));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PatchException(where + ": its copy cannot be linked: " + e, e);
        }
    }

    private static java.lang.reflect.Method method(Class<?> c, String key) throws NoSuchMethodException {
        for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
            if ((m.getName() + Type.getMethodDescriptor(m)).equals(key)) {
                return m;
            }
        }
        throw new NoSuchMethodException(c.getName() + "." + key);
    }
}
