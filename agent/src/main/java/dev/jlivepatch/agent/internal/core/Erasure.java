package dev.jlivepatch.agent.internal.core;

import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which types of the target's loader the patch's class loader cannot access,
 * and what stands in for each: the nearest accessible superclass (an
 * interface's stand-in is {@code Object}). Only classes of the packages that
 * the jar's classes share with that loader can be package-private to them;
 * every other type stands for itself.
 *
 * <p>A class being defined right now (a target loading after the patch) must
 * not be loaded by name from within its own definition; its access flags and
 * superclass are known from its class file instead.
 */
final class Erasure {
    private final ClassLoader parent;
    private final Set<String> packages;
    private final Set<String> jarClasses;
    private final Map<String, String> defining;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param parent the target's loader, which defines the types
     * @param packages the packages (internal form) where package-private types may be named
     * @param jarClasses the jar's own classes (internal names): they stand for themselves
     * @param defining for a class being defined: its internal name to its stand-in
     */
    Erasure(ClassLoader parent, Set<String> packages, Set<String> jarClasses, Map<String, String> defining) {
        this.parent = parent;
        this.packages = packages;
        this.jarClasses = jarClasses;
        this.defining = defining;
    }

    /** The accessible stand-in of a type (internal name); the type itself when it is accessible. */
    String of(String internalName) {
        if (internalName == null || internalName.startsWith("[") || jarClasses.contains(internalName)
                || !packages.contains(packageOf(internalName))) {
            return internalName;
        }
        String known = defining.get(internalName);
        if (known != null) {
            return known;
        }
        return cache.computeIfAbsent(internalName, this::standIn);
    }

    private String standIn(String internalName) {
        Class<?> c;
        try {
            c = Class.forName(internalName.replace('/', '.'), false, parent);
        } catch (ClassNotFoundException | LinkageError e) {
            return internalName; // not there: linking fails with its own reason when the patch is enabled
        }
        if (Modifier.isPublic(c.getModifiers())) {
            return internalName;
        }
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            if (Modifier.isPublic(s.getModifiers())) {
                return s.getName().replace('.', '/');
            }
        }
        return "java/lang/Object";
    }

    static String packageOf(String internalName) {
        return internalName.substring(0, Math.max(0, internalName.lastIndexOf('/')));
    }
}
