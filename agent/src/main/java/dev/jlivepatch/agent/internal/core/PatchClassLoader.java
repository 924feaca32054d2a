package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.Accessor;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.weave.PatchClassRewriter;
import dev.jlivepatch.runtime.Access;
import dev.jlivepatch.runtime.Dispatch;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.commons.Remapper;

/**
 * Defines a patch jar's classes for one target class's loader. Its parent is
 * the target's loader, so patch code sees the target's types; the jlivepatch
 * API and runtime come from the agent's single copy, whatever the parent
 * does. Classes are rewritten on the way in ({@link PatchClassRewriter}), and
 * {@link #link} links a patch class and everything of the jar it uses while
 * the patch is being enabled, so that nothing fails to link later on the
 * application's call path.
 */
final class PatchClassLoader extends ClassLoader implements PatchClassRewriter.Context {
    private static final ClassLoader RUNTIME = Dispatch.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final PatchJar jar;
    /** The last jar's index: an enable builds a loader per target, all for one jar (weakly held). */
    private static volatile JarIndex last;
    private final Set<String> reroutePackages;
    private final Map<String, Map<String, PatchClassRewriter.Accessor>> accessors;
    private final Map<String, List<PatchClassRewriter.Use>> uses = new ConcurrentHashMap<>();
    /** Per class of the jar: the other classes its code names, which the JVM resolves as it runs. */
    private final Map<String, Set<String>> refs = new ConcurrentHashMap<>();
    private final Erasure erasure;

    private final DefiningTarget defining;
    /** For a loader of original-body copies: copy class to its target (internal names); empty otherwise. */
    private final Map<String, String> copies;
    private volatile Binding binding;
    /** Set once the target being defined exists: from then on its name resolves through the parent. */
    private volatile boolean defined;

    /**
     * @param parent the target's loader
     * @param jar the patch jar
     * @param defining the target class, when it is being defined now; or null
     */
    PatchClassLoader(ClassLoader parent, PatchJar jar, DefiningTarget defining) {
        this(parent, jar, defining, Map.of());
    }

    private PatchClassLoader(ClassLoader parent, PatchJar jar, DefiningTarget defining, Map<String, String> copies) {
        super("jlivepatch:" + jar.id(), parent);
        this.copies = copies;
        this.jar = jar;
        JarIndex index = JarIndex.of(jar);
        this.reroutePackages = index.reroutePackages;
        this.accessors = index.accessors;
        this.defining = defining;
        this.erasure = new Erasure(parent, reroutePackages, jar.classes().keySet(),
                defining == null ? Map.of() : Map.of(defining.name(), defining.standIn()));
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
                    if (defining != null && !defined && internal.equals(defining.name())) {
                        // Loading it by name from within its own definition would define it twice.
                        throw new ClassCircularityError(name + " is being defined, and the patch needs its class"
                                + " to link (it passes it where a superclass is expected?)");
                    }
                    return super.loadClass(name, resolve);
                }
                PatchClassRewriter.Result r;
                try {
                    r = PatchClassRewriter.rewrite(bytes, this);
                } catch (PatchClassRewriter.Unsupported e) {
                    throw new LinkageError(e.getMessage(), e);
                }
                uses.put(internal, r.uses());
                refs.put(internal, ClassRefs.named(r.bytes()));
                c = defineClass(name, r.bytes(), 0, r.bytes().length);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Loads (defines, rewriting them) a patch class and every class of the
     * jar it uses, transitively, and resolves each of their {@code Access}
     * uses, without initialising anything. The patch class is verified as it
     * is initialised next; the others as they are first used (the JVM offers
     * no way to verify a class without reflection loading its methods'
     * types, which may name a target that is being defined).
     *
     * @param access whether to resolve the {@code Access} uses too (a dry run cannot where the target's named
     *     module is not open to the runtime yet: opening it is a change)
     * @throws PatchException naming what does not link
     */
    void link(String patchId, PatchClass pc, boolean access) throws PatchException {
        for (String internal : Closure.of(patchId, jar, pc)) {
            String name = internal.replace('/', '.');
            try {
                Class.forName(name, false, this);
            } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                throw new PatchException("patch '" + patchId + "': class " + name + " of the patch cannot be loaded"
                        + " against " + pc.target() + ": " + (e.getMessage() == null ? e : e.getMessage()), e);
            }
            for (String ref : refs.getOrDefault(internal, Set.of())) {
                if (!findable(ref)) {
                    throw new PatchException("patch '" + patchId + "': " + name + " uses class " + ref.replace('/', '.')
                            + ", which class loader " + describe(getParent()) + " of its target " + pc.target()
                            + " cannot find");
                }
            }
            for (PatchClassRewriter.Use u : uses.getOrDefault(internal, List.of())) {
                if (defining != null && defining.named(u)) {
                    String why = defining.check(u, getParent());
                    if (why != null) {
                        throw new PatchException("patch '" + patchId + "': " + name + " uses " + u.owner() + "."
                                + u.member() + " " + u.desc() + ", which cannot be linked: " + why);
                    }
                    continue;
                }
                if (!access) {
                    continue;
                }
                try {
                    Access.resolve(this, u.member(), MethodType.fromMethodDescriptorString(u.type(), this), u.owner(),
                            u.kind(), u.desc());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    throw new PatchException("patch '" + patchId + "': " + name + " uses " + u.owner() + "."
                            + u.member() + " " + u.desc() + ", which cannot be linked: " + e, e);
                }
            }
        }
    }

    /**
     * Whether a class the patch's code names can be found from here, so that
     * it does not fail with {@code NoClassDefFoundError} on the application's
     * call path: where the target's loader does not see every class the patch
     * was compiled against (a child-first loader's own classes, a web
     * application's, named in a patch for every loader). Looked up as a
     * resource, so that nothing is loaded early; a class with no class file
     * (generated) is loaded instead.
     */
    private boolean findable(String internal) {
        if (inJar(internal) || internal.startsWith("dev/jlivepatch/api/")
                || internal.startsWith("dev/jlivepatch/runtime/")
                || (defining != null && !defined && internal.equals(defining.name()))) {
            return true;
        }
        try {
            if (getResource(internal + ".class") != null) {
                return true;
            }
            Class.forName(internal.replace('/', '.'), false, this);
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    private static String describe(ClassLoader l) {
        if (l == null) {
            return "bootstrap";
        }
        return l.getName() != null ? "'" + l.getName() + "'" : l.getClass().getName();
    }

    /**
     * A loader for one copy of a target method's original body
     * ({@code @Original}): it defines the copy as it defines patch classes,
     * so that the copy reaches the target's members with the target's access.
     */
    static PatchClassLoader forCopy(ClassLoader parent, String target, String copyName, byte[] copy) {
        PatchClass pc = new PatchClass(copyName, target, "", List.of(), List.of(), List.of(), List.of());
        PatchJar jar = new PatchJar("original", null, false, List.of(), Map.of(copyName, copy), List.of(pc), copyName,
                Set.of(), new byte[0]);
        return new PatchClassLoader(parent, jar, null, Map.of(copyName, target.replace('.', '/')));
    }

    /** The patch class standing for the copy, in a loader of copies. */
    PatchClass copyClass() {
        return jar.patchClasses().get(0);
    }

    /** The binding whose patch classes this loader defines; null for a loader of copies. */
    Binding binding() {
        return binding;
    }

    void binding(Binding b) {
        binding = b;
    }

    /** The target that was being defined exists now. */
    void targetDefined() {
        defined = true;
    }

    /** A descriptor as the rewritten classes declare it: inaccessible types erased. */
    String eraseDesc(String methodDesc) {
        Remapper r = new Remapper() {
            @Override
            public String map(String internalName) {
                return erasure.of(internalName);
            }
        };
        return r.mapMethodDesc(methodDesc);
    }

    @Override
    public Map<String, PatchClassRewriter.Accessor> accessors(String className) {
        return accessors.getOrDefault(className, Map.of());
    }

    @Override
    public boolean original(String owner, String name, String desc) {
        for (PatchClass pc : jar.patchClasses()) {
            if (pc.name().equals(owner)) {
                return pc.originals().stream().anyMatch(o -> o.method().equals(name) && o.desc().equals(desc));
            }
        }
        return false;
    }

    @Override
    public String specialCaller(String className) {
        return copies.get(className);
    }

    @Override
    public boolean inJar(String internalName) {
        return jar.classes().containsKey(internalName);
    }

    /**
     * Members of the targets' packages and of the jar's packages are reached
     * through {@code Access}: this loader's classes are in another runtime
     * package, so even package-private members are out of their reach.
     */
    @Override
    public boolean reroute(String owner) {
        return reroutePackages.contains(Erasure.packageOf(owner)) && !jar.classes().containsKey(owner);
    }

    @Override
    public String erase(String internalName) {
        return erasure.of(internalName);
    }

    @Override
    public ClassLoader loader() {
        return this;
    }

    @Override
    public String toString() {
        return getName() + " -> " + getParent();
    }

    /**
     * What every loader of one jar shares, computed once per jar rather than once per target (which made
     * enabling a patch of many classes quadratic in its classes): the packages whose uses are rerouted and
     * the accessors by patch class. Read-only once built.
     */
    private static final class JarIndex {
        private final java.lang.ref.WeakReference<PatchJar> jar;
        private final Set<String> reroutePackages = new HashSet<>();
        private final Map<String, Map<String, PatchClassRewriter.Accessor>> accessors = new HashMap<>();

        private JarIndex(PatchJar jar) {
            this.jar = new java.lang.ref.WeakReference<>(jar);
            for (String c : jar.classes().keySet()) {
                reroutePackages.add(Erasure.packageOf(c));
            }
            for (PatchClass pc : jar.patchClasses()) {
                reroutePackages.add(Erasure.packageOf(pc.target().replace('.', '/')));
                Map<String, PatchClassRewriter.Accessor> mine = accessors.computeIfAbsent(pc.name(),
                        k -> new HashMap<>());
                for (Accessor a : pc.accessors()) {
                    mine.put(a.method() + a.desc(), new PatchClassRewriter.Accessor(a.member(), a.owner(), a.field()));
                }
            }
        }

        static JarIndex of(PatchJar jar) {
            JarIndex i = last;
            if (i == null || i.jar.get() != jar) {
                i = new JarIndex(jar);
                last = i;
            }
            return i;
        }
    }
}
