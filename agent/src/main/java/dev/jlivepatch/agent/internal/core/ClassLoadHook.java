package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The one class-file transformer. A class being retransformed gets the stubs
 * its func stacks need ({@link FuncStacks#reweave}). A target loading after
 * its patches (the kernel's module coming) is decided as it is defined: each
 * patch is checked against the class file, bound, and its pre-patch callback
 * run; then the class is woven with its stubs and a class-init hook that
 * commits the bindings ({@link StubLinker#classInit}) before any of its code
 * runs. A patch that fails refuses the class's definition
 * ({@link RefusedClassFile}), which the loader may try again later.
 *
 * <p>No lock of the core is taken here: the thread defining a class holds its
 * loader's lock, which an enable may need while it holds the core lock.
 */
final class ClassLoadHook implements ClassFileTransformer {
    private final Registry registry;
    private final FuncStacks stacks;
    private final BindingMaker maker;
    private final InFlight inFlight = new InFlight();
    private final Map<ClassLoader, Map<String, ComingClass>> pending = new WeakHashMap<>();
    private final Map<String, ComingClass> bootPending = new HashMap<>();

    ClassLoadHook(Registry registry, FuncStacks stacks, BindingMaker maker) {
        this.registry = registry;
        this.stacks = stacks;
        this.maker = maker;
    }

    InFlight inFlight() {
        return inFlight;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain pd, byte[] classFile) {
        if (className == null) {
            return null;
        }
        try {
            if (redefined != null) {
                return stacks.reweave(redefined, classFile);
            }
            Object token = inFlight.enter(className);
            try {
                return loading(module, loader, className.replace('/', '.'), classFile);
            } finally {
                inFlight.exit(token);
            }
        } catch (Throwable t) {
            Log.error("cannot weave " + className.replace('/', '.') + ", leaving it unchanged: " + t, t);
            return null;
        }
    }

    private byte[] loading(Module module, ClassLoader loader, String name, byte[] classFile) {
        List<LoadedPatch> candidates = registry.targeting(name);
        if (candidates.isEmpty() || loader instanceof PatchClassLoader) {
            return null;
        }
        TargetShape shape = null;
        List<Binding> done = new ArrayList<>();
        for (LoadedPatch p : candidates) {
            PatchClass pc = patchClassFor(p, name, loader);
            if (pc == null) {
                continue;
            }
            if (shape == null) {
                shape = TargetShape.of(classFile);
            }
            Log.info("applying patch '" + p.id() + "' to loading class '" + name + "'");
            String reason;
            try {
                Binding b = maker.loading(p, pc, shape, classFile, loader, module);
                b.run(Callback.Kind.PRE_PATCH);
                done.add(b);
                continue;
            } catch (PatchException e) {
                reason = e.getMessage();
            } catch (Binding.CallbackFailure f) {
                Log.error("pre-patch callback failed for target '" + name + "'");
                reason = f.getMessage();
            }
            return refuse(p, name, loader, reason, done);
        }
        if (shape == null) {
            return null;
        }
        ComingClass coming = new ComingClass(name, done, classFile);
        synchronized (pending) {
            if (loader == null) {
                bootPending.put(name, coming);
            } else {
                pending.computeIfAbsent(loader, l -> new HashMap<>()).put(name, coming);
            }
        }
        List<String> keys = new ArrayList<>();
        for (Binding b : done) {
            b.keys().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        }
        return StubWeaver.weave(classFile, keys, StubWeaver.mode(loader, name, classFile), coming.sites::number, true);
    }

    /** Refuses the class's definition; the pre-patch callbacks that ran are undone, newest first. */
    private static byte[] refuse(LoadedPatch p, String name, ClassLoader loader, String reason, List<Binding> done) {
        String refusal = refusal(p, name);
        Log.error(refusal);
        Log.error(reason);
        for (int i = done.size() - 1; i >= 0; i--) {
            Callbacks.run(done.get(i), Callback.Kind.POST_UNPATCH);
        }
        p.refused(name, loader, reason);
        return RefusedClassFile.of(refusal);
    }

    /** Hands a class, as it is first seen, what its load prepared. */
    void adopt(TargetClass st) {
        ComingClass c;
        ClassLoader loader = st.type.getClassLoader();
        synchronized (pending) {
            Map<String, ComingClass> byName = loader == null ? bootPending : pending.get(loader);
            c = byName == null ? null : byName.remove(st.type.getName());
        }
        if (c != null) {
            st.coming = c;
            st.originalBytes = c.classFile;
            st.initHooked = true;
            st.sites.adopt(c.sites);
        }
    }

    /** Whether a class's load prepared a binding of {@code p} that its initialisation has yet to commit. */
    boolean coming(Class<?> c, LoadedPatch p) {
        TargetClass st = stacks.of(c);
        synchronized (stacks.lock()) {
            return st.coming != null && st.coming.has(p);
        }
    }

    static String refusal(LoadedPatch p, String className) {
        return "patch '" + p.id() + "' failed for class '" + className + "', refusing to load class '" + className
                + "'";
    }

    static PatchClass patchClassFor(LoadedPatch p, String className, ClassLoader loader) {
        for (PatchClass pc : p.jar().patchClasses()) {
            if (pc.target().equals(className) && pc.matchesLoader(loader)) {
                return pc;
            }
        }
        return null;
    }
}
