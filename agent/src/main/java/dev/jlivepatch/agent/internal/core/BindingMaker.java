package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.BridgeMaker;
import dev.jlivepatch.agent.internal.weave.Shape;
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
        return make(patch, pc, shape, target, target.getClassLoader(), target.getModule());
    }

    /** A binding for a class being defined from {@code shape}, before its {@code Class} exists. */
    Binding loading(LoadedPatch patch, PatchClass pc, TargetShape shape, ClassLoader loader, Module module)
            throws PatchException {
        return make(patch, pc, shape, null, loader, module);
    }

    private Binding make(LoadedPatch patch, PatchClass pc, TargetShape shape, Class<?> target, ClassLoader loader,
                         Module module) throws PatchException {
        List<Resolver.Resolved> resolved = Resolver.resolve(patch.id(), pc, shape);
        PatchClassLoader patchLoader = new PatchClassLoader(loader, patch.jar());
        String pkg = pc.target().substring(0, Math.max(0, pc.target().lastIndexOf('.')));
        env.open(module, pkg, patchLoader);
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
        Map<String, Object> bridges = new LinkedHashMap<>();
        int n = 0;
        for (Resolver.Resolved r : resolved) {
            Shape shapeOf = Shape.of(r.target().isStatic(), r.target().desc());
            env.defineShape(shapeOf);
            String bridgeName = pc.name() + "$$JlpBridge" + n++;
            try {
                Class<?> bridge = patchLoader.defineBridge(bridgeName,
                        BridgeMaker.make(bridgeName, shapeOf, pc.name(), r.replacement().method(),
                                r.replacement().desc()));
                bridges.put(r.key(), bridge.getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new PatchException("patch '" + patch.id() + "': cannot bridge to " + pc.binaryName() + "."
                        + r.replacement().method() + ": " + e, e);
            }
        }
        return new Binding(patch, pc, pc.target(), loader, target, type, bridges, registry);
    }
}
