package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.Callback;
import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import dev.jlivepatch.agent.internal.patch.PatchJarReader;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import dev.jlivepatch.agent.internal.weave.StubWeaver;
import dev.jlivepatch.api.State;
import dev.jlivepatch.runtime.Dispatch;
import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.runtime.Linker;
import dev.jlivepatch.runtime.Snapshot;
import dev.jlivepatch.agent.internal.transition.PatchTransition;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The core (the kernel's {@code kernel/livepatch/core.c}): the registry of
 * patches in stack order, and enabling, disabling and removing them. Every
 * operation holds one lock, as the kernel holds {@code klp_mutex}; a patch is
 * checked and prepared completely before anything in the application changes.
 */
public final class Livepatch implements Linker {
    private static final long CLASS_INIT_WAIT_SECONDS = 10;
    private static volatile Livepatch instance;

    private final Environment env;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Patch> patches = new CopyOnWriteArrayList<>();
    private final Set<String> targetNames = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<Patch>> byTarget = Map.of();
    private final Coming coming = new Coming(this);
    private final Going going = new Going();
    private final Transitions transitions = new Transitions(this, lock);
    private final ClassValue<TargetClass> targets = new ClassValue<>() {
        @Override
        protected TargetClass computeValue(Class<?> type) {
            TargetClass st = new TargetClass(type);
            coming.adopt(st);
            return st;
        }
    };

    private Livepatch(Instrumentation inst) {
        this.env = new Environment(inst);
    }

    /** Starts the core once per JVM; a second call returns the running one. */
    public static synchronized Livepatch start(Instrumentation inst) {
        if (instance == null) {
            Livepatch lp = new Livepatch(inst);
            if (!Dispatch.install(lp)) {
                throw new IllegalStateException("another jlivepatch agent owns this JVM's dispatch runtime");
            }
            inst.addTransformer(lp.coming, true);
            dev.jlivepatch.agent.internal.transition.Threads.init(inst);
            if (Transitions.CONSISTENCY_OFF) {
                Log.warn("-Djlivepatch.consistency=off: transitions switch every thread at once, as HotSwap does;"
                        + " call chains may mix old and new code. Only for demonstrating the consistency model");
            }
            instance = lp;
        }
        return instance;
    }

    /** The running core, or null before the agent started. */
    public static Livepatch instance() {
        return instance;
    }

    /** Reads a patch jar, registers it on top of the stack and enables it: the kernel's insmod. */
    public Patch load(Path jar) throws PatchException {
        PatchJar pj;
        try {
            pj = PatchJarReader.read(jar);
        } catch (PatchException e) {
            Log.error("failed to load patch jar " + jar + ": " + e.getMessage());
            throw e;
        }
        lock.lock();
        try {
            String refusal = busy();
            if (refusal != null) {
                refusal = "patch '" + pj.id() + "' cannot be loaded now: " + refusal;
            } else if (find(pj.id()) != null) {
                refusal = "patch '" + pj.id() + "' is already loaded; disable and remove it first"
                        + " (or give the new one another Livepatch-Id)";
            } else if (pj.replace()) {
                refusal = "patch '" + pj.id() + "': Livepatch-Replace (atomic replace) is not supported"
                        + " by this version of jlivepatch";
            }
            if (refusal != null) {
                Log.error("failed to enable patch '" + pj.id() + "': " + refusal);
                throw new PatchException(refusal);
            }
            Patch p = new Patch(pj);
            patches.add(p);
            try {
                enable(p);
            } catch (PatchException e) {
                patches.remove(p);
                throw e;
            }
            return p;
        } finally {
            lock.unlock();
        }
    }

    /** Enables a registered, disabled patch (writing 1 to the kernel's {@code enabled}). */
    public void enable(String id) throws PatchException {
        lock.lock();
        try {
            Patch p = require(id);
            if (p == transitions.patch() && !p.enabled()) {
                transitions.reverse();
                return;
            }
            enable(p);
        } finally {
            lock.unlock();
        }
    }

    /** Disables an enabled patch (writing 0 to the kernel's {@code enabled}). */
    public void disable(String id) throws PatchException {
        lock.lock();
        try {
            Patch p = require(id);
            if (p.forced()) {
                throw new PatchException("patch '" + id + "' was forced and can no longer be disabled:"
                        + " threads may still run code of both versions");
            }
            if (p == transitions.patch() && p.enabled()) {
                transitions.reverse();
                return;
            }
            disable(p);
        } finally {
            lock.unlock();
        }
    }

    /** Drops a disabled patch from the stack (the kernel's rmmod). */
    public void remove(String id) throws PatchException {
        lock.lock();
        try {
            Patch p = require(id);
            if (p == transitions.patch()) {
                throw new PatchException("patch '" + id + "' is in its " + p.transition()
                        + " transition; wait for it to complete before removing it");
            }
            if (p.forced()) {
                throw new PatchException("patch '" + id + "' was forced and can no longer be removed:"
                        + " threads may still run its code");
            }
            if (p.enabled()) {
                throw new PatchException("patch '" + id + "' is enabled; disable it before removing it");
            }
            patches.remove(p);
        } finally {
            lock.unlock();
        }
    }

    /** The registered patches, bottom of the stack first. */
    public List<Patch> patches() {
        return List.copyOf(patches);
    }

    /** Where a patch applies: each loaded target class, per class loader, with the methods replaced. */
    public List<Applied> applied(Patch p) {
        List<Applied> out = new ArrayList<>();
        for (Class<?> c : going.classes()) {
            Binding b = targets.get(c).binding(p);
            if (b != null) {
                out.add(new Applied(c.getName(), loaderName(c.getClassLoader()), List.copyOf(b.bridges().keySet())));
            }
        }
        out.sort(Comparator.comparing(Applied::className).thenComparing(Applied::loader));
        return out;
    }

    private static String loaderName(ClassLoader l) {
        if (l == null) {
            return "bootstrap";
        }
        if (l.getName() != null) {
            return l.getName();
        }
        return l.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(l));
    }

    /**
     * Completes the running transition of patch {@code id} without the
     * consistency check (the kernel's {@code force}). The patch can no longer
     * be disabled afterwards.
     */
    public void force(String id) throws PatchException {
        lock.lock();
        try {
            Patch p = require(id);
            if (p != transitions.patch()) {
                throw new PatchException("patch '" + p.id() + "' is not in a transition; there is nothing to force");
            }
            transitions.force();
        } finally {
            lock.unlock();
        }
    }

    /** The threads that block the running transition, and where; empty when none runs. */
    public List<Blocker> blockers() {
        return transitions.blockers();
    }

    /**
     * Waits until no transition runs.
     *
     * @return {@code true} if none runs, {@code false} if one still ran when the time was up
     */
    public boolean awaitTransition(long timeoutMillis) throws InterruptedException {
        return transitions.await(timeoutMillis);
    }

    /**
     * Sets how long a patching transition may run before it is reversed.
     *
     * @param millis the limit, or 0 for none
     */
    public void transitionTimeout(long millis) {
        transitions.timeout(millis);
    }

    /** Why no transition can start now, or null: one runs already (the kernel allows one at a time). */
    private String busy() {
        Patch tp = transitions.patch();
        if (tp == null) {
            return null;
        }
        return "patch '" + tp.id() + "' is in its " + tp.transition() + " transition; wait for it to complete"
                + " (status shows what blocks it), reverse it by " + (tp.enabled() ? "disabling" : "enabling")
                + " '" + tp.id() + "', or force it";
    }

    private void enable(Patch p) throws PatchException {
        int at = patches.indexOf(p);
        if (p.enabled()) {
            throw new PatchException("patch '" + p.id() + "' is already enabled");
        }
        String refusal = busy();
        if (refusal != null) {
            throw new PatchException("patch '" + p.id() + "' cannot be enabled now: " + refusal);
        }
        for (int i = 0; i < at; i++) {
            if (!patches.get(i).enabled()) {
                throw new PatchException("patch '" + p.id() + "' cannot be enabled while patch '"
                        + patches.get(i).id() + "' below it on the stack is disabled; enable that one first");
            }
        }
        Log.info("enabling patch '" + p.id() + "'");
        publishTargets(p);
        try {
            checkStates(p);
            List<Binding> bindings = prepare(p);
            Log.info("'" + p.id() + "': initializing patching transition");
            List<Binding> ready = prePatch(p, bindings);
            weave(p, ready);
            transitions.patch(p, ready);
        } catch (PatchException e) {
            publishTargets(null);
            if (!e.isLogged()) {
                Log.error("failed to enable patch '" + p.id() + "': " + e.getMessage());
            }
            throw e;
        }
    }

    /** Creates the bindings for every loaded target: checks, loads, initialises. Changes nothing. */
    private List<Binding> prepare(Patch p) throws PatchException {
        List<Binding> out = new ArrayList<>();
        Class<?>[] loaded = env.instrumentation().getAllLoadedClasses();
        for (PatchClass pc : p.jar().patchClasses()) {
            Deny.check(p, pc.target());
            boolean seen = false;
            for (Class<?> c : loaded) {
                if (!c.getName().equals(pc.target())) {
                    continue;
                }
                seen = true;
                if (!pc.matchesLoader(c.getClassLoader()) || c.getClassLoader() instanceof PatchClassLoader) {
                    continue;
                }
                TargetClass st = targets.get(c);
                if (st.binding(p) != null || (st.pending != null && st.pending.has(p))) {
                    continue; // it loaded while this patch was being enabled: its class-init hook applies it
                }
                if (!env.modifiable(c)) {
                    throw new PatchException("patch '" + p.id() + "': the JVM cannot modify class " + c.getName());
                }
                out.add(Binding.create(p, pc, c, false, env));
            }
            if (!seen) {
                checkNotLoaded(p, pc);
            }
        }
        return out;
    }

    /**
     * Checks a patch class against its target's class file when the target is
     * not loaded yet but the system class loader can see it, so that a patch
     * that could never apply is refused as a whole now rather than refusing
     * the class when it loads. Targets of other loaders are checked as they load.
     */
    private static void checkNotLoaded(Patch p, PatchClass pc) throws PatchException {
        String resource = pc.target().replace('.', '/') + ".class";
        try (java.io.InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                Resolver.resolve(p.id(), pc, TargetShape.of(in.readAllBytes()));
            }
        } catch (java.io.IOException | RuntimeException e) {
            Log.debug("cannot read " + resource + " to check it early: " + e);
        }
    }

    /** Runs the pre-patch callbacks in order; on a failure undoes the ones that ran and refuses the patch. */
    private List<Binding> prePatch(Patch p, List<Binding> bindings) throws PatchException {
        List<Binding> done = new ArrayList<>();
        for (Binding b : bindings) {
            try {
                b.run(Callback.Kind.PRE_PATCH);
                done.add(b);
            } catch (Binding.CallbackFailure f) {
                // The kernel's order: the failure, the refusal, then the cancelled transition.
                PatchException refused = new PatchException("patch '" + p.id() + "': " + f.getMessage()
                        + " for target '" + b.target().getName() + "'", f.getCause());
                Log.error("pre-patch callback failed for target '" + b.target().getName() + "'");
                Log.error(f.getMessage());
                Log.error("failed to enable patch '" + p.id() + "': " + refused.getMessage());
                Log.info("'" + p.id() + "': canceling patching transition, going to unpatch");
                Log.info("'" + p.id() + "': completing unpatching transition");
                for (Binding d : done) {
                    runQuietly(d, Callback.Kind.POST_UNPATCH);
                }
                Log.info("'" + p.id() + "': unpatching complete");
                throw refused.logged();
            }
        }
        return done;
    }

    /** Weaves stubs for the methods that have none yet, all classes in one retransformation. */
    private void weave(Patch p, List<Binding> bindings) throws PatchException {
        Set<Class<?>> grow = new LinkedHashSet<>();
        for (Binding b : bindings) {
            TargetClass st = targets.get(b.target());
            List<String> stubbed = st.patchedKeys();
            for (String key : b.bridges().keySet()) {
                if (!stubbed.contains(key)) {
                    st.site(key);
                    st.staged.add(key);
                    grow.add(b.target());
                }
            }
            knowTarget(b.target().getName());
        }
        try {
            env.retransform(grow.toArray(new Class<?>[0]));
        } catch (PatchException e) {
            for (Binding b : bindings) {
                targets.get(b.target()).staged.clear();
                runQuietly(b, Callback.Kind.POST_UNPATCH);
            }
            throw new PatchException("patch '" + p.id() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Switches bindings in or out of their targets' func stacks and publishes
     * the new snapshots, every site first, then one sync for them all.
     */
    void commit(List<Binding> add, List<Binding> drop) {
        commit(add, drop, List.of());
    }

    /** Publishes the snapshots of bindings whose stacks are unchanged: a transition's start or end. */
    void republish(List<Binding> same) {
        commit(List.of(), List.of(), same);
    }

    private void commit(List<Binding> add, List<Binding> drop, List<Binding> same) {
        List<FuncSite> changed = new ArrayList<>();
        for (Binding b : drop) {
            TargetClass st = targets.get(b.target());
            st.bindings.remove(b);
            publish(st, b, changed);
        }
        for (Binding b : add) {
            TargetClass st = targets.get(b.target());
            st.bindings.add(b);
            st.bindings.sort(Comparator.comparingInt(x -> patches.indexOf(x.patch())));
            st.staged.removeAll(b.bridges().keySet());
            publish(st, b, changed);
        }
        for (Binding b : same) {
            publish(targets.get(b.target()), b, changed);
        }
        FuncSite.sync(changed.toArray(new FuncSite[0]));
    }

    private void publish(TargetClass st, Binding b, List<FuncSite> changed) {
        for (String key : b.bridges().keySet()) {
            FuncSite site = st.site(key);
            site.publish(snapshot(st, key));
            changed.add(site);
        }
        going.track(st);
    }

    /**
     * A method's snapshot: steady, or, while the patch in transition replaces
     * it, the entries with and without that patch (it is always the top one).
     */
    private Snapshot snapshot(TargetClass st, String key) {
        PatchTransition t = transitions.current();
        Binding b = t == null ? null : st.binding(transitions.patch());
        if (b == null || !b.bridges().containsKey(key)) {
            return Snapshot.steady(st.top(key));
        }
        return Snapshot.inTransition(st.top(key), st.topBelow(key, b), t);
    }

    private void disable(Patch p) throws PatchException {
        if (!p.enabled()) {
            throw new PatchException("patch '" + p.id() + "' is not enabled");
        }
        String refusal = busy();
        if (refusal != null) {
            throw new PatchException("patch '" + p.id() + "' cannot be disabled now: " + refusal);
        }
        for (int i = patches.indexOf(p) + 1; i < patches.size(); i++) {
            if (patches.get(i).enabled()) {
                throw new PatchException("patch '" + p.id() + "' cannot be disabled while patch '"
                        + patches.get(i).id() + "' above it on the stack is enabled; disable that one first");
            }
        }
        List<Binding> bindings = new ArrayList<>();
        for (Class<?> c : going.classes()) {
            Binding b = targets.get(c).binding(p);
            if (b != null) {
                bindings.add(b);
            }
        }
        // Callbacks run in the jar's order of patch classes, as they did on enable.
        bindings.sort(Comparator.comparingInt(b -> p.jar().patchClasses().indexOf(b.patchClass())));
        transitions.unpatch(p, bindings);
    }

    /** Removes stubs that no func stack needs any more, so unpatched classes get their original bytes back. */
    void strip(List<Binding> dropped) {
        Set<Class<?>> shrink = new LinkedHashSet<>();
        for (Binding b : dropped) {
            TargetClass st = targets.get(b.target());
            List<String> still = st.patchedKeys();
            for (String key : b.bridges().keySet()) {
                if (!still.contains(key)) {
                    shrink.add(b.target());
                }
            }
        }
        try {
            env.retransform(shrink.toArray(new Class<?>[0]));
        } catch (PatchException e) {
            Log.warn("stubs stay in place, running the original code: " + e.getMessage());
        }
    }

    /** What the transformer weaves into a class being retransformed; null for its original bytes. */
    byte[] reweave(Class<?> c, byte[] classFile) {
        if (!targetNames.contains(c.getName())) {
            return null;
        }
        TargetClass st = targets.get(c);
        List<String> keys = st.patchedKeys();
        if (keys.isEmpty() && !st.initHooked) {
            return null;
        }
        return StubWeaver.weave(classFile, keys, StubWeaver.mode(c.getClassLoader(), classFile), st::number,
                st.initHooked);
    }

    @Override
    public FuncSite site(Class<?> owner, String method) {
        return targets.get(owner).site(method);
    }

    @Override
    public void classInit(Class<?> owner) {
        TargetClass st = targets.get(owner);
        Coming.Pending pend = st.pending;
        if (pend == null) {
            return;
        }
        st.pending = null;
        if (pend.refusal != null) {
            throw new LinkageError(pend.refusal);
        }
        boolean locked = false;
        try {
            // Not lock(): an operation holding the lock may itself wait for this class's initialisation.
            locked = lock.tryLock(CLASS_INIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            transitions.coming(st, pend);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    /** Makes the bindings of a class loading after its patches, running their pre-patch callbacks. */
    List<Binding> bindComing(TargetClass st, Coming.Pending pend) {
        List<Binding> done = new ArrayList<>();
        for (Patch p : pend.patches) {
            if ((!p.enabled() && p != transitions.patch()) || st.binding(p) != null) {
                continue;
            }
            PatchClass pc = patchClassFor(p, st.type.getName(), st.type.getClassLoader());
            Binding b = null;
            String reason;
            try {
                b = Binding.create(p, pc, st.type, true, env);
                b.run(Callback.Kind.PRE_PATCH);
                done.add(b);
                continue;
            } catch (PatchException e) {
                reason = e.getMessage();
            } catch (Binding.CallbackFailure f) {
                Log.error("pre-patch callback failed for target '" + st.type.getName() + "'");
                reason = f.getMessage();
            }
            String refusal = Coming.refusal(p, st.type.getName());
            Log.error(refusal);
            for (Binding d : done) {
                runQuietly(d, Callback.Kind.POST_UNPATCH);
            }
            throw new LinkageError(refusal + ": " + reason);
        }
        return done;
    }

    /** The enabled (or enabling) patches that target a class name. */
    List<Patch> targeting(String className) {
        return byTarget.getOrDefault(className, List.of());
    }

    void knowTarget(String className) {
        targetNames.add(className);
    }

    static PatchClass patchClassFor(Patch p, String className, ClassLoader loader) {
        for (PatchClass pc : p.jar().patchClasses()) {
            if (pc.target().equals(className) && pc.matchesLoader(loader)) {
                return pc;
            }
        }
        return null;
    }

    /** Republishes which patches loading classes get: the enabled ones, plus one being enabled. */
    private void publishTargets(Patch enabling) {
        Map<String, List<Patch>> map = new HashMap<>();
        for (Patch p : patches) {
            if (p.enabled() || p == enabling) {
                for (PatchClass pc : p.jar().patchClasses()) {
                    map.computeIfAbsent(pc.target(), k -> new ArrayList<>()).add(p);
                    targetNames.add(pc.target());
                }
            }
        }
        byTarget = Map.copyOf(map);
    }

    /** Republishes which patches loading classes get: the enabled ones and the one in transition. */
    void published() {
        publishTargets(transitions.patch());
    }

    private void checkStates(Patch p) throws PatchException {
        for (Patch q : patches) {
            if (q == p || !q.enabled()) {
                continue;
            }
            for (State s : q.states().values()) {
                State mine = p.state(s.id());
                if (mine != null && mine.version() < s.version()) {
                    throw new PatchException("patch '" + p.id() + "' declares state " + s.id() + " version "
                            + mine.version() + ", older than version " + s.version() + " of enabled patch '"
                            + q.id() + "'");
                }
            }
        }
    }

    State previousState(Patch p, long id) {
        State found = null;
        for (Patch q : patches) {
            if (q != p && q.enabled() && q.state(id) != null) {
                found = q.state(id);
            }
        }
        return found;
    }

    static void runQuietly(Binding b, Callback.Kind kind) {
        try {
            b.run(kind);
        } catch (Binding.CallbackFailure f) {
            Log.warn(kind.label + " callback failed for target '" + b.target().getName() + "': " + f.getMessage());
        }
    }

    private Patch require(String id) throws PatchException {
        Patch p = find(id);
        if (p == null) {
            throw new PatchException("no patch '" + id + "' is loaded");
        }
        return p;
    }

    private Patch find(String id) {
        for (Patch p : patches) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
