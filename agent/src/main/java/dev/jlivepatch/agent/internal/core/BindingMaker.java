package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.Shape;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes bindings: checks a patch class against its target's shape, defines
 * the patch classes for the target's loader, initialises the patch class and
 * links a bridge per replacement. Whatever fails here refuses the patch (or
 * the loading class) before anything in the application changes.
 */
final class BindingMaker {
    private final Environment env;
    private final Registry registry;

    BindingMaker(Environment env, Registry registry) {
        this.env = env;
        this.registry = registry;
    }

    /** A binding for a loaded class. */
    Binding loaded(LoadedPatch patch, PatchClass pc, Class<?> target) throws PatchException {
        TargetShape shape;
        try {
            shape = TargetShape.of(target);
        } catch (LinkageError e) {
            throw new PatchException("patch '" + patch.id() + "': cannot read the methods of " + target.getName()
                    + ": " + e);
        }
        return make(patch, pc, shape, null, target, target.getClassLoader(), target.getModule());
    }

    /**
     * Checks a patch class against a loaded class as {@link #loaded} does,
     * short of anything observable: the patch classes are defined (rewritten)
     * in a loader of their own that is then dropped and their uses resolved,
     * but nothing is initialised (no patch code runs), no module is opened
     * and no bridge is made.
     *
     * @param notes what the check could not do, for the report
     * @return the methods the patch would replace there
     */
    List<String> check(LoadedPatch patch, PatchClass pc, Class<?> target, List<String> notes) throws PatchException {
        TargetShape shape;
        try {
            shape = TargetShape.of(target);
        } catch (LinkageError e) {
            throw new PatchException("patch '" + patch.id() + "': cannot read the methods of " + target.getName()
                    + ": " + e);
        }
        List<String> keys = new ArrayList<>();
        Resolver.resolve(patch.id(), pc, shape).forEach(r -> keys.add(r.key()));
        Module module = target.getModule();
        String pkg = target.getPackageName();
        boolean access = !module.isNamed() || module.isOpen(pkg, dev.jlivepatch.runtime.Dispatch.class.getModule());
        if (!access) {
            notes.add("the uses of " + module.getName() + "'s members by " + pc.binaryName() + " were not resolved:"
                    + " module " + module.getName() + " opens " + pkg + " to the patch only when it is loaded");
        }
        new PatchClassLoader(target.getClassLoader(), patch.jar(), null).link(patch.id(), pc, access);
        return keys;
    }

    /** A binding for a class being defined from {@code classFile}, before its {@code Class} exists. */
    Binding loading(LoadedPatch patch, PatchClass pc, TargetShape shape, byte[] classFile, ClassLoader loader,
                    Module module) throws PatchException {
        return make(patch, pc, shape, DefiningTarget.of(classFile, standIn(shape, loader)), null, loader, module);
    }

    private Binding make(LoadedPatch patch, PatchClass pc, TargetShape shape, DefiningTarget defining,
                         Class<?> target, ClassLoader loader, Module module) throws PatchException {
        List<Resolver.Resolved> resolved = Resolver.resolve(patch.id(), pc, shape);
        PatchClassLoader patchLoader = new PatchClassLoader(loader, patch.jar(), defining);
        String pkg = pc.target().substring(0, Math.max(0, pc.target().lastIndexOf('.')));
        env.open(module, pkg, patchLoader);
        patchLoader.link(patch.id(), pc, true);
        Class<?> type;
        try {
            type = Class.forName(pc.binaryName(), true, patchLoader);
        } catch (ExceptionInInitializerError e) {
            throw new PatchException("patch '" + patch.id() + "': patch class " + pc.binaryName()
                    + " failed to initialise: " + e.getCause(), e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PatchException("patch '" + patch.id() + "': patch class " + pc.binaryName()
                    + " cannot be loaded against " + pc.target() + ": " + e, e);
        }
        List<String> keys = new ArrayList<>();
        resolved.forEach(r -> keys.add(r.key()));
        Map<String, String> originals = new LinkedHashMap<>();
        for (dev.jlivepatch.agent.internal.patch.Replacement o : pc.originals()) {
            for (Resolver.Resolved r : resolved) {
                if (r.replacement().targetName().equals(o.targetName()) && r.replacement().desc().equals(o.desc())) {
                    originals.put(o.method() + o.desc(), r.key());
                }
            }
        }
        Class<?> patchType = type;
        Binding b = new Binding(patch, pc, pc.target(), loader, target, type, keys,
                () -> {
                    patchLoader.targetDefined();
                    return bridges(patch, pc, resolved, patchType, patchLoader);
                }, originals, registry);
        patchLoader.binding(b);
        return b;
    }

    /** A bridge per replacement, to its method in the initialised patch class. */
    private Binding.Links bridges(LoadedPatch patch, PatchClass pc, List<Resolver.Resolved> resolved,
                                  Class<?> type, PatchClassLoader patchLoader) throws PatchException {
        Map<String, Object> bridges = new LinkedHashMap<>();
        Map<String, MethodHandle> entries = new LinkedHashMap<>();
        for (Resolver.Resolved r : resolved) {
            Shape shapeOf = Shape.of(r.target().isStatic(), r.target().desc());
            env.defineShape(shapeOf);
            try {
                MethodType erased = MethodType.fromMethodDescriptorString(
                        patchLoader.eraseDesc(r.replacement().desc()), patchLoader);
                MethodHandle replacement = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                        .findStatic(type, r.replacement().method(), erased).asFixedArity();
                bridges.put(r.key(), Bridges.make(shapeOf, replacement,
                        StubWeaver.foldsBridges(patchLoader.getParent(), pc.target())));
                entries.put(r.key(), replacement.asType(MethodType.fromMethodDescriptorString(shapeOf.callDesc(),
                        null)));
            } catch (Throwable e) {
                throw new PatchException("patch '" + patch.id() + "': cannot bridge to " + pc.binaryName() + "."
                        + r.replacement().method() + ": " + e, e);
            }
        }
        return new Binding.Links(java.util.Collections.unmodifiableMap(bridges), entries);
    }

    /**
     * What stands in for a target class being defined in the patch's
     * rewritten code: itself when public, otherwise its nearest public
     * superclass. Read from its class file; it cannot be loaded by name
     * from within its own definition.
     */
    private static String standIn(TargetShape shape, ClassLoader loader) {
        if (shape.isPublic()) {
            return shape.name();
        }
        if (shape.isInterface()) {
            return "java/lang/Object";
        }
        try {
            for (Class<?> s = Class.forName(shape.superName().replace('/', '.'), false, loader); s != null;
                 s = s.getSuperclass()) {
                if (java.lang.reflect.Modifier.isPublic(s.getModifiers())) {
                    return s.getName().replace('.', '/');
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // fall back to Object
        }
        return "java/lang/Object";
    }
}
