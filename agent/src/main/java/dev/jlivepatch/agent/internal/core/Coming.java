package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one class-file transformer. For a class being retransformed it weaves
 * the stubs its func stacks need (nothing, and so the original bytes, for a
 * class no patch targets). For a target loading after its patches (the
 * kernel's module coming) it checks the patches against the class file, weaves
 * the stubs and a class-init hook, and leaves a {@link Pending} that the hook
 * completes before any of the class's code runs.
 */
final class Coming implements ClassFileTransformer {
    private final Livepatch core;
    private final Map<ClassLoader, Map<String, Pending>> pending = new WeakHashMap<>();
    private final Map<String, Pending> bootPending = new HashMap<>();

    /** What a loading class waits to have applied when it initialises. */
    static final class Pending {
        final List<Patch> patches;
        final String refusal;
        final Sites sites;

        Pending(String name, List<Patch> patches, String refusal) {
            this.sites = new Sites(name);
            this.patches = patches;
            this.refusal = refusal;
        }

        boolean has(Patch p) {
            return patches.contains(p);
        }
    }

    Coming(Livepatch core) {
        this.core = core;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain pd,
                            byte[] classFile) {
        if (className == null) {
            return null;
        }
        try {
            return redefined != null ? core.reweave(redefined, classFile) : loading(loader, className, classFile);
        } catch (Throwable t) {
            Log.error("cannot weave " + className.replace('/', '.') + ", leaving it unchanged: " + t, t);
            return null;
        }
    }

    private byte[] loading(ClassLoader loader, String className, byte[] classFile) {
        String name = className.replace('/', '.');
        List<Patch> candidates = core.targeting(name);
        if (candidates.isEmpty() || loader instanceof PatchClassLoader) {
            return null;
        }
        Map<Patch, PatchClass> patches = new LinkedHashMap<>();
        for (Patch p : candidates) {
            PatchClass pc = Livepatch.patchClassFor(p, name, loader);
            if (pc != null) {
                patches.put(p, pc);
            }
        }
        if (patches.isEmpty()) {
            return null;
        }
        TargetShape shape = TargetShape.of(classFile);
        Set<String> keys = new LinkedHashSet<>();
        String refusal = null;
        for (Map.Entry<Patch, PatchClass> e : patches.entrySet()) {
            Patch p = e.getKey();
            Log.info("applying patch '" + p.id() + "' to loading class '" + name + "'");
            try {
                for (Resolver.Resolved r : Resolver.resolve(p.id(), e.getValue(), shape)) {
                    keys.add(r.key());
                }
            } catch (PatchException refused) {
                refusal = refusal(p, name);
                Log.error(refusal);
                Log.error(refused.getMessage());
                break;
            }
        }
        Pending p = new Pending(name, List.copyOf(patches.keySet()), refusal);
        synchronized (pending) {
            if (loader == null) {
                bootPending.put(name, p);
            } else {
                pending.computeIfAbsent(loader, l -> new HashMap<>()).put(name, p);
            }
        }
        core.knowTarget(name);
        return StubWeaver.weave(classFile, refusal == null ? keys : Set.of(), StubWeaver.mode(loader, classFile),
                p.sites::number, true);
    }

    /** Hands a loaded class the pending work its load left, if any. */
    void adopt(TargetClass st) {
        Pending p;
        ClassLoader loader = st.type.getClassLoader();
        synchronized (pending) {
            Map<String, Pending> byName = loader == null ? bootPending : pending.get(loader);
            p = byName == null ? null : byName.remove(st.type.getName());
        }
        if (p != null) {
            st.pending = p;
            st.initHooked = true;
            st.sites.adopt(p.sites);
        }
    }

    static String refusal(Patch p, String className) {
        return "patch '" + p.id() + "' failed for class '" + className + "', refusing to load class '" + className + "'";
    }
}
