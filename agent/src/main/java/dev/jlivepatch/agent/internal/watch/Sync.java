package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.core.Livepatch;
import dev.jlivepatch.agent.internal.core.LoadedPatch;
import dev.jlivepatch.agent.internal.core.TransitionState;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the patches the watcher loaded in line with what the directory
 * holds, through the core's own operations (as the JMX interface and the
 * command line do). Each look is compared with what was loaded before:
 * a jar renamed keeps its patch; a jar removed has its patch disabled and
 * removed, newest first; a jar whose content changed to a new version of the
 * same patch is swapped (old disabled, its transition awaited, removed, new
 * loaded, and the old put back if the new one is refused); a jar whose
 * content changed to another patch is an old one removed and a new one
 * added; new jars are loaded in name order. A jar is never loaded twice:
 * content already applied (by hash) is left alone, and content refused is
 * not tried again until it changes. Only one transition runs at a time, so
 * every operation first waits for the running one; while one will not
 * finish, the rest waits for the next look.
 */
final class Sync {
    private enum Outcome { DONE, REFUSED, LATER }

    private final Livepatch core;
    private final Once once;
    private final List<Owned> owned = new ArrayList<>();
    /** Per name, the hash of the content last refused, which is not tried again. */
    private final Map<String, String> refused = new HashMap<>();
    /** The loaded jars' names that the previous look did not find either. */
    private Set<String> absent = Set.of();

    Sync(Livepatch core, Once once) {
        this.core = core;
        this.once = once;
    }

    /**
     * Acts on one look at the directory.
     *
     * @param waitMillis how long to wait for a running transition before each operation
     * @return false if it stopped early because a transition did not finish in time
     */
    boolean apply(Scan.Result look, long waitMillis) throws InterruptedException {
        if (look.recheck()) {
            refused.clear();
        }
        refused.keySet().retainAll(look.present());
        renames(look);
        if (!removals(look, waitMillis)) {
            return false;
        }
        for (Candidate c : look.ready().values()) {
            if (!arrive(c, waitMillis)) {
                return false;
            }
        }
        return true;
    }

    /** The private copies of the loaded patches, kept to put a patch back. */
    List<Path> copies() {
        List<Path> out = new ArrayList<>();
        for (Owned o : owned) {
            out.add(o.copy());
        }
        return out;
    }

    /** A jar whose name went and whose content is now under another name keeps its patch. */
    private void renames(Scan.Result look) {
        for (int i = 0; i < owned.size(); i++) {
            Owned o = owned.get(i);
            Candidate now = look.ready().get(o.name());
            boolean moved = !look.present().contains(o.name()) || (now != null && !now.sha256().equals(o.sha256()));
            if (!moved) {
                continue;
            }
            for (Candidate c : look.ready().values()) {
                if (c.sha256().equals(o.sha256()) && ownedBy(c.name()) == null) {
                    Log.info("watch: " + o.name() + " was renamed to " + c.name() + "; patch '" + o.id()
                            + "' stays as it is");
                    once.clearAll("sync:" + o.name());
                    owned.set(i, o.renamed(c.name()));
                    break;
                }
            }
        }
    }

    /**
     * Disables and removes the patches whose jars are gone, top of the stack first. A jar counts
     * as gone when two looks in a row miss it, as a new jar counts only once it is stable: a jar
     * renamed is then seen under its new name before its old name counts as removed.
     */
    private boolean removals(Scan.Result look, long waitMillis) throws InterruptedException {
        Set<String> missing = new HashSet<>();
        List<Owned> gone = new ArrayList<>();
        for (Owned o : owned) {
            if (!look.present().contains(o.name())) {
                missing.add(o.name());
                if (absent.contains(o.name())) {
                    gone.add(o);
                }
            }
        }
        absent = missing;
        List<LoadedPatch> stack = core.patches();
        gone.sort(Comparator.comparingInt((Owned o) -> stack.indexOf(o.patch())).reversed());
        for (Owned o : gone) {
            if (stack.contains(o.patch())) {
                once.info("sync:" + o.name() + ":gone", "watch: " + o.name() + " was removed; disabling and removing"
                        + " patch '" + o.id() + "'");
            }
            if (retire(o, waitMillis) == Outcome.LATER) {
                return false;
            }
        }
        return true;
    }

    /** Acts on one stable jar: nothing, a refusal, a swap, a replacement or a new patch. */
    private boolean arrive(Candidate c, long waitMillis) throws InterruptedException {
        String key = "sync:" + c.name();
        Owned mine = ownedBy(c.name());
        if (c.sha256().equals(refused.get(c.name())) || (mine != null && mine.sha256().equals(c.sha256()))) {
            return true;
        }
        if (c.refusal() != null) {
            refuse(c, c.refusal());
            return true;
        }
        for (Owned o : owned) {
            if (o != mine && o.sha256().equals(c.sha256())) {
                once.info(key, "watch: " + c.name() + ": same content as " + o.name() + ", which is applied;"
                        + " ignored");
                return true;
            }
        }
        if (mine != null) {
            if (mine.id().equals(c.id())) {
                return swap(mine, c, waitMillis);
            }
            once.info(key + ":gone", "watch: " + c.name() + " now holds patch '" + c.id() + "'; disabling and"
                    + " removing patch '" + mine.id() + "'");
            Outcome out = retire(mine, waitMillis);
            if (out != Outcome.DONE) {
                return out != Outcome.LATER;
            }
        }
        for (LoadedPatch p : core.patches()) {
            if (p.id().equals(c.id())) {
                Owned from = ownerOf(p);
                once.info(key, "watch: " + c.name() + ": patch '" + c.id() + "' is already loaded"
                        + (from != null ? " from " + from.name() : " (not from this directory)")
                        + "; waiting until it is removed");
                return true;
            }
        }
        once.clearAll(key);
        Log.info("watch: " + c.name() + ": loading patch '" + c.id() + "'");
        return load(c) != Outcome.LATER;
    }

    /**
     * Replaces a patch by its new version in one transition (the core's
     * upgrade: no window in which the original code runs); if the new version
     * is refused, the old one stays as it is.
     */
    private boolean swap(Owned old, Candidate c, long waitMillis) throws InterruptedException {
        once.info("sync:" + c.name() + ":swap", "watch: " + c.name() + " changed; patch '" + old.id()
                + "' takes its new version in one transition");
        if (!idle(waitMillis)) {
            return false;
        }
        once.clearAll("sync:" + c.name());
        try {
            LoadedPatch next = core.load(c.copy(), false);
            owned.remove(old);
            owned.add(new Owned(c.name(), c.sha256(), next, c.copy()));
            return true;
        } catch (PatchException e) {
            if (!core.awaitTransition(0)) {
                return false; // another transition started meanwhile: tried again at the next look
            }
            refuse(c, null); // the core logged the reason; the previous version stays applied
            return true;
        }
    }

    private Outcome load(Candidate c) throws InterruptedException {
        if (!idle(0)) {
            return Outcome.LATER;
        }
        try {
            owned.add(new Owned(c.name(), c.sha256(), core.load(c.copy(), false), c.copy()));
            return Outcome.DONE;
        } catch (PatchException e) {
            if (!core.awaitTransition(0)) {
                // Refused only because another transition started meanwhile (through JMX or the
                // command line): not the jar's fault, so it is tried again at the next look.
                return Outcome.LATER;
            }
            refuse(c, null); // the core logged the reason
            return Outcome.REFUSED;
        }
    }

    private void refuse(Candidate c, String reason) {
        if (reason != null) {
            Log.error(reason);
        }
        Log.warn("watch: " + c.name() + ": refused; it is tried again when its content changes");
        refused.put(c.name(), c.sha256());
    }

    /** Disables (awaiting its transition) and removes a patch the watcher loaded, and forgets it. */
    private Outcome retire(Owned o, long waitMillis) throws InterruptedException {
        LoadedPatch p = o.patch();
        String key = "sync:" + o.name() + ":retire";
        if (core.patches().contains(p)) {
            if (!idle(waitMillis)) {
                return Outcome.LATER;
            }
            if (p.enabled()) {
                try {
                    core.disable(p.id());
                } catch (PatchException e) {
                    once.warn(key, "watch: " + o.name() + ": cannot disable patch '" + p.id() + "' yet: "
                            + e.getMessage());
                    return Outcome.REFUSED;
                }
                if (!idle(waitMillis)) {
                    return Outcome.LATER;
                }
            }
            try {
                core.remove(p.id());
            } catch (PatchException e) {
                once.warn(key, "watch: " + o.name() + ": cannot remove patch '" + p.id() + "' yet: "
                        + e.getMessage());
                return Outcome.REFUSED;
            }
        }
        once.clear(key);
        once.clear("sync:" + o.name() + ":gone");
        owned.remove(o);
        return Outcome.DONE;
    }

    /** Waits for the running transition, if any; false (logged once) if it did not finish in time. */
    boolean idle(long waitMillis) throws InterruptedException {
        if (core.awaitTransition(waitMillis)) {
            once.clear("transition");
            return true;
        }
        String who = "a patch";
        for (LoadedPatch p : core.patches()) {
            if (p.transition() != TransitionState.NONE) {
                who = "patch '" + p.id() + "'";
            }
        }
        once.info("transition", "watch: waiting for the transition of " + who + " to finish");
        return false;
    }

    private Owned ownedBy(String name) {
        for (Owned o : owned) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    private Owned ownerOf(LoadedPatch p) {
        for (Owned o : owned) {
            if (o.patch() == p) {
                return o;
            }
        }
        return null;
    }
}
