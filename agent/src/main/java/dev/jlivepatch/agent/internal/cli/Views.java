package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import dev.jlivepatch.agent.internal.manage.TargetInfo;
import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/** Patches and blockers as lines for people and as the documented JSON objects. */
final class Views {

    private Views() {
    }

    /**
     * The JSON object of a patch: id, description, enabled, transition, forced, replace, stackOrder, and its
     * targets (class, loader, methods, patched, refusal).
     */
    static Map<String, Object> patch(PatchInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getId());
        m.put("description", p.getDescription());
        m.put("enabled", p.isEnabled());
        m.put("transition", p.getTransition());
        m.put("forced", p.isForced());
        m.put("replace", p.isReplace());
        m.put("stackOrder", p.getStackOrder());
        List<Object> targets = new ArrayList<>();
        for (TargetInfo t : p.getTargets()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("class", t.getClassName());
            tm.put("loaded", t.isLoaded());
            tm.put("loader", t.getLoader());
            tm.put("methods", List.copyOf(t.getMethods()));
            tm.put("patched", t.isPatched());
            tm.put("refusal", t.getRefusal());
            targets.add(tm);
        }
        m.put("targets", targets);
        return m;
    }

    /** The JSON object of a blocker: thread, threadId, virtual, frame. */
    static Map<String, Object> blocker(BlockerInfo b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thread", b.getThread());
        m.put("threadId", b.getThreadId());
        m.put("virtual", b.isVirtual());
        m.put("frame", b.getFrame());
        return m;
    }

    /**
     * The JSON object of the last completed transition: patch, kind, durationMillis, rounds, selfSwitched,
     * managerSwitched, reversed, forced.
     */
    static Map<String, Object> transition(TransitionInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patch", t.getPatch());
        m.put("kind", t.getKind());
        m.put("durationMillis", Math.round(t.getDurationMillis() * 1000) / 1000.0);
        m.put("rounds", t.getRounds());
        m.put("selfSwitched", t.getSelfSwitched());
        m.put("managerSwitched", t.getManagerSwitched());
        m.put("reversed", t.isReversed());
        m.put("forced", t.isForced());
        return m;
    }

    /** The last completed transition for people, on one line. */
    static String describe(TransitionInfo t) {
        double ms = t.getDurationMillis();
        String took = ms >= 10 ? Math.round(ms) + " ms" : String.format(java.util.Locale.ROOT, "%.1f ms", ms);
        return "last transition: " + t.getKind() + " of '" + t.getPatch() + "'" + (t.isReversed() ? " (reversed)" : "")
                + (t.isForced() ? " (forced)" : "") + ", complete in " + took + ": " + t.getRounds()
                + (t.getRounds() == 1 ? " round; " : " rounds; ") + threads((int) t.getSelfSwitched())
                + (t.getSelfSwitched() == 1 ? " switched itself, " : " switched themselves, ")
                + t.getManagerSwitched() + " switched by the manager";
    }

    static List<Object> blockers(List<BlockerInfo> bs) {
        List<Object> out = new ArrayList<>();
        for (BlockerInfo b : bs) {
            out.add(blocker(b));
        }
        return out;
    }

    /** A patch for people: a heading line, then one line per target class and loader. */
    static List<String> describe(PatchInfo p) {
        List<String> out = new ArrayList<>();
        String state = (p.isEnabled() ? "enabled" : "disabled")
                + ("none".equals(p.getTransition()) ? "" : ", in " + p.getTransition() + " transition")
                + (p.isForced() ? ", forced" : "");
        String about = p.getDescription() == null || p.getDescription().isBlank() ? "" : " - " + p.getDescription();
        out.add("patch '" + p.getId() + "': " + state + about);
        for (TargetInfo t : p.getTargets()) {
            if (!t.isLoaded() && t.getRefusal() == null) {
                out.add("    " + t.getClassName() + ": not loaded" + (p.isEnabled() ? " (patched when it loads)" : ""));
                continue;
            }
            String where = "    " + t.getClassName() + " (loader " + t.getLoader() + ")";
            if (t.getRefusal() != null) {
                out.add(where + ": refused as it loaded: " + t.getRefusal());
                continue;
            }
            List<String> methods = new ArrayList<>();
            for (String m : t.getMethods()) {
                methods.add(method(m));
            }
            out.add(where + ": " + String.join(", ", methods) + (t.isPatched() ? "" : " (not patched)"));
        }
        return out;
    }

    /** {@code greet(Ljava/lang/String;)Ljava/lang/String;} as {@code greet(java.lang.String)}. */
    static String method(String key) {
        int paren = key.indexOf('(');
        if (paren < 0) {
            return key;
        }
        try {
            List<String> params = new ArrayList<>();
            for (Type t : Type.getArgumentTypes(key.substring(paren))) {
                params.add(t.getClassName());
            }
            return key.substring(0, paren) + "(" + String.join(", ", params) + ")";
        } catch (RuntimeException e) {
            return key;
        }
    }

    /** "1 thread" / "3 threads". */
    static String threads(int n) {
        return n + (n == 1 ? " thread" : " threads");
    }
}
