package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a patch's targets as it is enabled: binds it to every loaded target
 * class, and checks it against the class file of its target as every other
 * live class loader would define it, so that a patch that could never apply
 * in a web application's or a plugin's loader is refused now, with the same
 * reason, rather than refusing the class when it loads. A target that no
 * class loader can find is refused unless the patch defers it.
 */
final class TargetScan {
    private static final String REFLECTION_LOADER = "jdk.internal.reflect.DelegatingClassLoader";
    private final Environment env;
    private final FuncStacks stacks;
    private final ClassLoadHook hook;
    private final BindingMaker maker;
    private final TransitionManager transitions;

    TargetScan(Environment env, FuncStacks stacks, ClassLoadHook hook, BindingMaker maker,
               TransitionManager transitions) {
        this.env = env;
        this.stacks = stacks;
        this.hook = hook;
        this.maker = maker;
        this.transitions = transitions;
    }

    /**
     * What a scan does with what it finds: binds (or, for a dry run, only
     * checks) the patch to each loaded target, and hears of each class file
     * checked and of what an enable logs.
     *
     * @param <T> what a loaded target gives
     */
    interface Sink<T> {
        /** The patch class applied to a loaded target; refuses the patch by throwing. */
        T loaded(PatchClass pc, Class<?> c) throws PatchException;

        /** A loader that has not loaded the target would define it from {@code url}; the patch fits it. */
        default void classFile(PatchClass pc, ClassLoader l, URL url, List<String> methods) {
        }

        /** What an enable logs at INFO: a loader going, a target deferred. */
        default void info(String message) {
            Log.info(message);
        }

        /** Whether this is a dry run: nothing of the patch is bound, so nothing can be bound already. */
        default boolean dry() {
            return false;
        }
    }

    /** The bindings for the loaded targets; checks the rest. Changes nothing in the application. */
    List<Binding> bind(LoadedPatch p) throws PatchException {
        return scan(p, (pc, c) -> maker.loaded(p, pc, c));
    }

    /** Finds and checks the patch's targets as {@link #bind} does, handing each to {@code sink}. */
    <T> List<T> scan(LoadedPatch p, Sink<T> sink) throws PatchException {
        Set<String> names = new HashSet<>();
        for (PatchClass pc : p.jar().patchClasses()) {
            Deny.check(p, pc.target());
            names.add(pc.target());
        }
        if (hook.inFlight().settle(names, 2_000)) {
            pause(); // let the JVM finish the definitions whose transformer returned just now
        }
        Class<?>[] loaded = env.loadedClasses();
        Set<ClassLoader> loaders = Collections.newSetFromMap(new IdentityHashMap<>());
        loaders.add(null);
        loaders.add(ClassLoader.getPlatformClassLoader());
        loaders.add(ClassLoader.getSystemClassLoader());
        // Loaded classes by name, once: the patch classes look up their targets instead of each scanning them all.
        Map<String, List<Class<?>>> byName = new HashMap<>();
        for (Class<?> c : loaded) {
            loaders.add(c.getClassLoader());
            if (names.contains(c.getName())) {
                byName.computeIfAbsent(c.getName(), k -> new ArrayList<>()).add(c);
            }
        }
        List<T> out = new ArrayList<>();
        Set<ClassLoader> going = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PatchClass pc : p.jar().patchClasses()) {
            Set<ClassLoader> defined = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Class<?> c : byName.getOrDefault(pc.target(), List.of())) {
                ClassLoader l = c.getClassLoader();
                if (!pc.matchesLoader(l) || l instanceof PatchClassLoader || going.contains(l)) {
                    continue;
                }
                defined.add(l);
                if (!sink.dry() && (stacks.binding(c, p) != null || hook.coming(c, p) || transitions.comer(c, p))) {
                    // It loaded while this patch was being enabled: its load bound it (and ran its pre-patch
                    // callback), and its class-init hook applies it, or has already handed it to the transition.
                    continue;
                }
                if (!env.modifiable(c)) {
                    throw new PatchException("patch '" + p.id() + "': the JVM cannot modify class " + c.getName());
                }
                try {
                    out.add(sink.loaded(pc, c));
                } catch (PatchException e) {
                    if (l == null || loadsClasses(l)) {
                        throw e;
                    }
                    // The kernel's module going: a loader that no longer loads classes (a web application that
                    // was undeployed, its loader not collected yet) cannot link a patch class; its copy is left
                    // alone rather than blocking the patch for every live copy.
                    going.add(l);
                    defined.remove(l);
                    sink.info("'" + p.id() + "': not patching class '" + c.getName() + "' of class loader "
                            + describe(l) + ", which no longer loads classes (" + e.getMessage() + ")");
                }
            }
            Set<ClassLoader> skip = Collections.newSetFromMap(new IdentityHashMap<>());
            skip.addAll(defined);
            skip.addAll(going);
            boolean found = !defined.isEmpty() | checkClassFiles(p, pc, loaders, skip, sink);
            if (!found) {
                unfound(p, pc, sink);
            }
        }
        return out;
    }

    /**
     * Checks the patch class against the target's class file as each live
     * loader that has not defined the class (and is not in {@code skip})
     * would define it.
     *
     * @return whether any loader can find the class file
     */
    private static boolean checkClassFiles(LoadedPatch p, PatchClass pc, Set<ClassLoader> loaders,
                                           Set<ClassLoader> skip, Sink<?> sink) throws PatchException {
        String resource = pc.target().replace('.', '/') + ".class";
        Set<String> seen = new HashSet<>();
        boolean found = false;
        for (ClassLoader l : loaders) {
            if (skip.contains(l) || !pc.matchesLoader(l) || l instanceof PatchClassLoader
                    || (l != null && l.getClass().getName().equals(REFLECTION_LOADER))) {
                continue;
            }
            URL url = resource(l, resource);
            if (url == null) {
                continue;
            }
            found = true;
            if (!seen.add(url.toString())) {
                continue;
            }
            TargetShape shape;
            try (InputStream in = url.openStream()) {
                shape = TargetShape.of(in.readAllBytes());
            } catch (IOException | RuntimeException e) {
                Log.debug("cannot read " + url + " to check patch '" + p.id() + "' against it: " + e);
                continue;
            }
            try {
                List<String> methods = new ArrayList<>();
                Resolver.resolve(p.id(), pc, shape).forEach(r -> methods.add(r.key()));
                sink.classFile(pc, l, url, methods);
            } catch (PatchException e) {
                throw new PatchException(e.getMessage() + " (class " + pc.target() + " as class loader "
                        + describe(l) + " would load it from " + url + ")", e);
            }
        }
        return found;
    }

    /** Whether a loader still loads classes: a stopped web application's refuses even {@code java.lang.Object}. */
    private static boolean loadsClasses(ClassLoader l) {
        try {
            return l.loadClass("java.lang.Object") == Object.class;
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static void unfound(LoadedPatch p, PatchClass pc, Sink<?> sink) throws PatchException {
        String target = pc.target();
        // With @Patch(loader), only the loaders it names count: say so, or the reason reads false.
        String none = pc.loader().isEmpty() ? "no class loader" : "no class loader '" + pc.loader() + "'";
        if (p.defers(target)) {
            sink.info("'" + p.id() + "': " + none + " of this JVM can find class " + target
                    + " yet; it is patched when it loads");
            return;
        }
        throw new PatchException("patch '" + p.id() + "': " + none + " of this JVM can find class " + target
                + " (check @Patch(target" + (pc.loader().isEmpty() ? "" : ") and @Patch(loader") + "); for a class"
                + " of a class loader that does not exist yet, set Livepatch-Deferred-Targets in the manifest or load"
                + " with --deferred-targets)");
    }

    private static URL resource(ClassLoader l, String resource) {
        try {
            return l == null ? ClassLoader.getPlatformClassLoader().getResource(resource) : l.getResource(resource);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describe(ClassLoader l) {
        if (l == null) {
            return "bootstrap";
        }
        return l.getName() != null ? "'" + l.getName() + "'" : l.getClass().getName();
    }

    private static void pause() {
        try {
            Thread.sleep(InFlight.MOMENT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
