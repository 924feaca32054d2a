package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.BridgeMaker;
import dev.jlivepatch.agent.internal.weave.Shape;
import dev.jlivepatch.api.PatchTarget;
import dev.jlivepatch.api.State;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One patch class applied to one loaded target class: the patch code defined
 * for that class's loader, a bridge per replaced method, and the callbacks.
 * Creating it loads and initialises the patch class but changes nothing in
 * the application.
 */
final class Binding implements PatchTarget {
    private final Patch patch;
    private final PatchClass patchClass;
    private final Class<?> target;
    private final Class<?> patchType;
    private final Map<String, Object> bridges = new LinkedHashMap<>();
    private volatile boolean loading;

    private Binding(Patch patch, PatchClass patchClass, Class<?> target, Class<?> patchType, boolean loading) {
        this.patch = patch;
        this.patchClass = patchClass;
        this.target = target;
        this.patchType = patchType;
        this.loading = loading;
    }

    /**
     * Checks the patch class against the target, defines and initialises it,
     * and makes its bridges.
     */
    static Binding create(Patch patch, PatchClass pc, Class<?> target, boolean loading, Environment env)
            throws PatchException {
        TargetShape shape;
        try {
            shape = TargetShape.of(target);
        } catch (LinkageError e) {
            throw new PatchException("patch '" + patch.id() + "': cannot read the methods of " + target.getName()
                    + ": " + e);
        }
        List<Resolver.Resolved> resolved = Resolver.resolve(patch.id(), pc, shape);
        PatchClassLoader loader = new PatchClassLoader(target.getClassLoader(), patch.jar());
        env.open(target, loader);
        Class<?> type;
        try {
            type = Class.forName(pc.binaryName(), true, loader);
        } catch (ExceptionInInitializerError e) {
            throw new PatchException("patch '" + patch.id() + "': patch class " + pc.binaryName()
                    + " failed to initialise: " + e.getCause(), e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PatchException("patch '" + patch.id() + "': patch class " + pc.binaryName()
                    + " cannot be loaded against " + target.getName() + ": " + e, e);
        }
        Binding b = new Binding(patch, pc, target, type, loading);
        int n = 0;
        for (Resolver.Resolved r : resolved) {
            Shape shapeOf = Shape.of(r.target().isStatic(), r.target().desc());
            env.defineShape(shapeOf);
            String bridgeName = pc.name() + "$$JlpBridge" + n++;
            try {
                Class<?> bridge = loader.defineBridge(bridgeName,
                        BridgeMaker.make(bridgeName, shapeOf, pc.name(), r.replacement().method(), r.replacement().desc()));
                b.bridges.put(r.key(), bridge.getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new PatchException("patch '" + patch.id() + "': cannot bridge to " + pc.binaryName() + "."
                        + r.replacement().method() + ": " + e, e);
            }
        }
        return b;
    }

    Patch patch() {
        return patch;
    }

    PatchClass patchClass() {
        return patchClass;
    }

    Class<?> target() {
        return target;
    }

    /** Replaced methods' keys and their bridges. */
    Map<String, Object> bridges() {
        return bridges;
    }

    /**
     * Runs a callback, if the patch class has it.
     *
     * @return {@code false} if it returned {@code false} or threw
     * @throws CallbackFailure with the cause, for a pre-patch callback that failed
     */
    void run(Callback.Kind kind) throws CallbackFailure {
        Callback cb = patchClass.callback(kind);
        if (cb == null) {
            return;
        }
        Object result;
        try {
            Method m = patchType.getDeclaredMethod(cb.method(), cb.takesTarget() ? new Class<?>[] {PatchTarget.class}
                    : new Class<?>[0]);
            m.setAccessible(true);
            result = cb.takesTarget() ? m.invoke(null, this) : m.invoke(null);
        } catch (InvocationTargetException e) {
            throw new CallbackFailure(kind.label + " callback " + patchClass.binaryName() + "." + cb.method()
                    + " threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CallbackFailure("cannot run " + kind.label + " callback " + patchClass.binaryName() + "."
                    + cb.method() + ": " + e, e);
        }
        if (Boolean.FALSE.equals(result)) {
            throw new CallbackFailure(kind.label + " callback " + patchClass.binaryName() + "." + cb.method()
                    + " returned false", null);
        }
    }

    @Override
    public String patchId() {
        return patch.id();
    }

    @Override
    public Class<?> targetClass() {
        return target;
    }

    @Override
    public boolean loading() {
        return loading;
    }

    /** The class has finished coming: later callbacks see it as loaded. */
    void loaded() {
        loading = false;
    }

    @Override
    public State state(long id) {
        return patch.state(id);
    }

    @Override
    public State previousState(long id) {
        return Livepatch.instance().previousState(patch, id);
    }

    @Override
    public String toString() {
        return "patch '" + patch.id() + "' on " + target.getName();
    }

    /** A callback that refused or threw. */
    static final class CallbackFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CallbackFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
