package dev.jlivepatch.agent.internal.core;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;

/**
 * A class loader of the application's own, which defines a copy of one
 * target class as a JVM with the agent would: the class file goes through
 * the core's transformer first, and the class gets what it returns. The
 * class-init hook woven in does nothing here (no linker is installed in the
 * test JVM); the test calls the core's hook itself, when the class would
 * initialise.
 */
final class Plugin extends ClassLoader {
    private final ClassFileTransformer transformer;

    Plugin(String name, ClassFileTransformer transformer) {
        super(name, Plugin.class.getClassLoader());
        this.transformer = transformer;
    }

    /** Defines the copy of {@code target} through the transformer; it is not initialised. */
    Class<?> define(Class<?> target) throws IOException, IllegalClassFormatException {
        String internal = target.getName().replace('.', '/');
        byte[] original;
        try (InputStream in = target.getClassLoader().getResourceAsStream(internal + ".class")) {
            original = in.readAllBytes();
        }
        byte[] woven = transformer.transform(getUnnamedModule(), this, internal, null, null, original);
        byte[] bytes = woven != null ? woven : original;
        return defineClass(target.getName(), bytes, 0, bytes.length);
    }
}
