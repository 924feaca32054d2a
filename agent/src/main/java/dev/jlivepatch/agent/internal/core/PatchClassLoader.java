package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.Accessor;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.patch.Replacement;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.weave.PatchClassRewriter;
import dev.jlivepatch.runtime.Dispatch;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Defines a patch jar's classes for one target class. Its parent is the
 * target's loader, so patch code sees the target's types; the jlivepatch API
 * and runtime come from the agent's single copy, whatever the parent does.
 * Classes are rewritten on the way in ({@link PatchClassRewriter}).
 */
final class PatchClassLoader extends ClassLoader {
    private static final ClassLoader RUNTIME = Dispatch.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final PatchJar jar;
    private final Set<String> targetPackages = new HashSet<>();
    private final Map<String, Map<String, PatchClassRewriter.Access>> accessors = new HashMap<>();
    private final Map<String, Set<String>> exposed = new HashMap<>();

    PatchClassLoader(ClassLoader parent, PatchJar jar) {
        super("jlivepatch:" + jar.id(), parent);
        this.jar = jar;
        for (PatchClass pc : jar.patchClasses()) {
            String internal = pc.target().replace('.', '/');
            targetPackages.add(internal.substring(0, Math.max(0, internal.lastIndexOf('/'))));
            Map<String, PatchClassRewriter.Access> mine = accessors.computeIfAbsent(pc.name(), k -> new HashMap<>());
            for (Accessor a : pc.accessors()) {
                mine.put(a.method() + a.desc(), new PatchClassRewriter.Access(a.member(), a.owner(), a.field()));
            }
            Set<String> open = exposed.computeIfAbsent(pc.name(), k -> new HashSet<>());
            for (Replacement r : pc.replacements()) {
                open.add(r.method() + r.desc());
            }
            for (Callback c : pc.callbacks()) {
                open.add(c.method() + c.desc());
            }
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("dev.jlivepatch.api.") || name.startsWith("dev.jlivepatch.runtime.")) {
            return Class.forName(name, false, RUNTIME);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                String internal = name.replace('.', '/');
                byte[] bytes = jar.classes().get(internal);
                if (bytes == null) {
                    return super.loadClass(name, resolve);
                }
                byte[] rewritten = PatchClassRewriter.rewrite(bytes, accessors.getOrDefault(internal, Map.of()),
                        this::reroute, exposed.getOrDefault(internal, Set.of()));
                c = defineClass(name, rewritten, 0, rewritten.length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Whether patch code reaches members of {@code owner} through
     * {@code Access}: the targets and the other classes of their packages,
     * which this loader's classes cannot reach directly (another runtime
     * package), except the jar's own classes.
     */
    private boolean reroute(String owner) {
        String pkg = owner.substring(0, Math.max(0, owner.lastIndexOf('/')));
        return targetPackages.contains(pkg) && !jar.classes().containsKey(owner);
    }

    /** Defines a generated bridge class. */
    Class<?> defineBridge(String internalName, byte[] bytes) {
        return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
    }

    @Override
    public String toString() {
        return getName() + " -> " + getParent();
    }
}
