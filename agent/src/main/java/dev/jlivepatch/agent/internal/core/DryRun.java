package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.agent.internal.transition.WouldBlock;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * {@code load --dry-run}: what loading a patch jar would do, found the way a
 * load finds it, short of anything observable. The jar is read under the
 * same file rules; the checks of an enable run in its order (no transition
 * running, states, targets found and checked against every loader's class
 * file); each patch class is loaded and linked against each loaded target in
 * a class loader of its own that is then dropped, without initialising it.
 * Nothing is registered, no callback or static initialiser runs, no module
 * is opened, no class is retransformed, no log line is written; the threads
 * that would block the transition are read from one batch of stack traces.
 */
final class DryRun {
    private final ReentrantLock lock;
    private final Registry registry;
    private final FuncStacks stacks;
    private final TargetScan scan;
    private final BindingMaker maker;
    private final Planner planner;
    private final Supplier<String> busy;

    DryRun(ReentrantLock lock, Registry registry, FuncStacks stacks, TargetScan scan, BindingMaker maker,
           Planner planner, Supplier<String> busy) {
        this.lock = lock;
        this.registry = registry;
        this.stacks = stacks;
        this.scan = scan;
        this.maker = maker;
        this.planner = planner;
        this.busy = busy;
    }

    DryRunReport run(Path jar, boolean deferredTargets) {
        List<DryRunReport.Check> checks = new ArrayList<>();
        PatchJar pj;
        try {
            pj = JarIntake.read(jar);
        } catch (PatchException e) {
            checks.add(new DryRunReport.Check("jar", false, e.getMessage()));
            return new DryRunReport(null, null, false, List.of(), List.of(), checks, List.of(), List.of());
        }
        checks.add(new DryRunReport.Check("jar", true, pj.classes().size() + " classes, " + pj.patchClasses().size()
                + " patch classes; safe from other users; a valid patch jar"));
        List<String> notes = new ArrayList<>();
        List<DryRunReport.Target> targets = new ArrayList<>();
        Map<Class<?>, Set<String>> affected = new LinkedHashMap<>();
        List<String> replacedIds = new ArrayList<>();
        List<Blocker> blockers;
        lock.lock();
        try {
            String running = busy.get();
            checks.add(running == null ? new DryRunReport.Check("transition", true, "no transition runs now")
                    : new DryRunReport.Check("transition", false, "patch '" + pj.id() + "' cannot be loaded now: "
                    + running));
            LoadedPatch old = registry.find(pj.id());
            LoadedPatch p = new LoadedPatch(pj, deferredTargets);
            List<LoadedPatch> replaced = old != null && old.enabled() && !pj.replace() ? List.of(old)
                    : planner.replacedBy(p);
            replaced.forEach(q -> replacedIds.add(q.id()));
            about(old, pj, replacedIds, notes);
            String incompatible = planner.incompatibility(p, replaced);
            checks.add(new DryRunReport.Check("states", incompatible == null, incompatible != null ? incompatible
                    : p.states().isEmpty() ? "declares no state" : "compatible with the enabled patches' states"));
            checks.add(targets(p, targets, affected, notes));
            synchronized (stacks.lock()) {
                for (LoadedPatch q : replaced) {
                    for (Binding b : stacks.bindings(q)) {
                        affected.computeIfAbsent(b.target(), k -> new LinkedHashSet<>()).addAll(b.keys());
                    }
                }
            }
            blockers = WouldBlock.of(affected);
        } finally {
            lock.unlock();
        }
        notRun(pj, notes);
        return new DryRunReport(pj.id(), pj.description(), pj.replace(), List.copyOf(replacedIds),
                List.copyOf(targets), List.copyOf(checks), blockers, List.copyOf(notes));
    }

    /** The targets check: every target found (or deferred), linked against each loaded copy, or its class file. */
    private DryRunReport.Check targets(LoadedPatch p, List<DryRunReport.Target> targets,
                                       Map<Class<?>, Set<String>> affected, List<String> notes) {
        int[] counts = new int[2];
        try {
            scan.scan(p, new TargetScan.Sink<Void>() {
                @Override
                public Void loaded(PatchClass pc, Class<?> c) throws PatchException {
                    List<String> keys = maker.check(p, pc, c, notes);
                    targets.add(new DryRunReport.Target(c.getName(), true, c.getClassLoader(), keys));
                    affected.computeIfAbsent(c, k -> new LinkedHashSet<>()).addAll(keys);
                    counts[0]++;
                    return null;
                }

                @Override
                public void classFile(PatchClass pc, ClassLoader l, URL url, List<String> methods) {
                    targets.add(new DryRunReport.Target(pc.target(), false, l, methods));
                    notes.add("class " + pc.target() + " is not loaded by class loader " + name(l)
                            + ": the patch was checked against the class file it would load (" + url
                            + "); it would be patched as it loads");
                    counts[1]++;
                }

                @Override
                public void info(String message) {
                    notes.add(message);
                }

                @Override
                public boolean dry() {
                    return true;
                }
            });
        } catch (PatchException e) {
            return new DryRunReport.Check("targets", false, e.getMessage());
        }
        return new DryRunReport.Check("targets", true, counts[0] + " loaded target class(es) linked, " + counts[1]
                + " class file(s) of target classes not loaded yet checked");
    }

    private static void about(LoadedPatch old, PatchJar pj, List<String> replaced, List<String> notes) {
        if (old != null && old.jar().sameContent(pj)) {
            notes.add("patch '" + pj.id() + "' is loaded already with the same content: a load would change nothing"
                    + (old.enabled() ? "" : " but enable it"));
        } else if (old != null) {
            notes.add("a new version of loaded patch '" + pj.id() + "' (" + (old.enabled() ? "enabled" : "disabled")
                    + "): it would take the loaded version's place" + (old.enabled() ? ", in one transition" : ""));
        }
        if (pj.replace() && !replaced.isEmpty()) {
            notes.add("an atomic-replace patch: it would replace every enabled patch (" + String.join(", ", replaced)
                    + "); their methods it does not replace would run their original code");
        }
    }

    /** What a load would run that the dry run did not: static initialisers and pre-patch callbacks. */
    private static void notRun(PatchJar pj, List<String> notes) {
        for (PatchClass pc : pj.patchClasses()) {
            ClassNode n = new ClassNode();
            new ClassReader(pj.classes().get(pc.name())).accept(n, ClassReader.SKIP_CODE);
            if (n.methods.stream().anyMatch(m -> m.name.equals("<clinit>"))) {
                notes.add("not run: the static initialiser of " + pc.binaryName() + " (a load runs it as the patch"
                        + " is enabled, and a failure there refuses the patch)");
            }
            Callback pre = pc.callback(Callback.Kind.PRE_PATCH);
            if (pre != null) {
                notes.add("not run: pre-patch callback " + pc.binaryName() + "." + pre.method() + " (a load runs it"
                        + " for each target class, and it may refuse the patch)");
            }
        }
    }

    private static String name(ClassLoader l) {
        return l == null ? "bootstrap" : l.getName() != null ? "'" + l.getName() + "'" : l.getClass().getName();
    }
}
