package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.log.Log;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Target classes going away (the kernel's module going): every patched class
 * is held weakly, so the agent keeps no class loader alive; when one is
 * collected its func stacks go with it and the patches applied to it are
 * reported reverted, by a daemon thread named {@code jlivepatch-unload}.
 */
final class UnloadWatcher {
    private final ReferenceQueue<Class<?>> collected = new ReferenceQueue<>();
    /** In the order the classes were first bound, so that callbacks run in a stable order. */
    private final Set<Ref> live = Collections.synchronizedSet(new LinkedHashSet<>());

    /** A weak reference to a patched class, with what to report when it goes. */
    static final class Ref extends WeakReference<Class<?>> {
        final String name;
        volatile List<String> patchIds = List.of();

        Ref(Class<?> c, ReferenceQueue<Class<?>> q) {
            super(c, q);
            name = c.getName();
        }
    }

    UnloadWatcher() {
        Thread reaper = new Thread(this::reap, "jlivepatch-unload");
        reaper.setDaemon(true);
        reaper.start();
    }

    /** Records which patches a class carries, tracking it from its first binding on. Caller holds the stacks lock. */
    void track(TargetClass st) {
        if (st.ref == null) {
            st.ref = new Ref(st.type, collected);
            live.add(st.ref);
        }
        List<String> ids = new ArrayList<>();
        for (Binding b : st.bindings()) {
            ids.add(b.patch().id());
        }
        st.ref.patchIds = List.copyOf(ids);
    }

    /** The tracked classes still loaded. */
    List<Class<?>> classes() {
        List<Class<?>> out = new ArrayList<>();
        List<Ref> refs;
        synchronized (live) {
            refs = new ArrayList<>(live);
        }
        for (Ref r : refs) {
            Class<?> c = r.get();
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private void reap() {
        while (true) {
            try {
                Reference<? extends Class<?>> r = collected.remove();
                Ref ref = (Ref) r;
                live.remove(ref);
                for (String id : ref.patchIds) {
                    Log.info("reverting patch '" + id + "' on unloading class '" + ref.name + "'");
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.error("unload tracking failed", e);
            }
        }
    }
}
