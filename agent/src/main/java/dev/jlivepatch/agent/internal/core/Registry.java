package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.api.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The loaded patches in stack order (the kernel's {@code klp_patches} list),
 * and what loading classes read of them. Changed under the core lock only;
 * read anywhere: the list is copy-on-write and the view for loading classes
 * is an immutable map behind a volatile field.
 */
final class Registry {
    private final List<LoadedPatch> patches = new CopyOnWriteArrayList<>();
    private final Set<String> targetNames = ConcurrentHashMap.newKeySet();
    private volatile Map<String, List<LoadedPatch>> loading = Map.of();
    /** A patch whose enable is checking and preparing its targets, not yet in its transition; or null. */
    private volatile LoadedPatch enabling;

    List<LoadedPatch> all() {
        return List.copyOf(patches);
    }

    void add(LoadedPatch p) {
        patches.add(p);
    }

    /** A new version of a patch: right above the old one, so that it takes the old one's place. */
    void addAfter(LoadedPatch old, LoadedPatch p) {
        patches.add(patches.indexOf(old) + 1, p);
    }

    void remove(LoadedPatch p) {
        patches.remove(p);
    }

    /** @return the patch's place on the stack, 1 for the oldest loaded; 0 if it is not loaded */
    int order(LoadedPatch p) {
        return patches.indexOf(p) + 1;
    }

    /**
     * The patch of this id; while a new version takes over from an old one,
     * both are loaded, and the id names the new one.
     */
    LoadedPatch find(String id) {
        LoadedPatch found = null;
        for (LoadedPatch p : patches) {
            if (p.id().equals(id)) {
                found = p;
            }
        }
        return found;
    }

    LoadedPatch require(String id) throws PatchException {
        LoadedPatch p = find(id);
        if (p == null) {
            throw new PatchException("no patch '" + id + "' is loaded");
        }
        return p;
    }

    LoadedPatch enabling() {
        return enabling;
    }

    /**
     * Republishes which patches a loading class gets: the enabled ones, the
     * one in transition, and {@code enabling} (also remembered as the patch
     * being enabled; null when none is).
     */
    void publish(LoadedPatch moving, LoadedPatch enabling) {
        this.enabling = enabling;
        Map<String, List<LoadedPatch>> map = new HashMap<>();
        for (LoadedPatch p : patches) {
            if ((p.enabled() && !p.replaced()) || p == moving || p == enabling) {
                for (PatchClass pc : p.jar().patchClasses()) {
                    map.computeIfAbsent(pc.target(), k -> new ArrayList<>()).add(p);
                    targetNames.add(pc.target());
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        loading = Map.copyOf(map);
    }

    /** @return the patches a class of this name gets as it loads, in stack order */
    List<LoadedPatch> targeting(String className) {
        return loading.getOrDefault(className, List.of());
    }

    /** @return whether any patch ever targeted a class of this name (its stubs may need weaving) */
    boolean known(String className) {
        return targetNames.contains(className);
    }

    /** The state of this id of the newest other enabled patch that declares it (the kernel's klp_get_prev_state). */
    State previousState(LoadedPatch p, long id) {
        State found = null;
        for (LoadedPatch q : patches) {
            if (q != p && q.enabled() && q.state(id) != null) {
                found = q.state(id);
            }
        }
        return found;
    }
}
