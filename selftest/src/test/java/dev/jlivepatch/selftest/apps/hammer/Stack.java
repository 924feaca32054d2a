package dev.jlivepatch.selftest.apps.hammer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hammer's model of the patch stack: which patches are loaded, bottom
 * first, and which are enabled; and what each target class must run.
 * Main thread only.
 */
final class Stack {
    /** Each patch's target classes (simple names): h1 and h3 share T1, h1 and h2 share T2. */
    static final Map<String, Set<String>> TARGETS = Map.of("h1", Set.of("T1", "T2"), "h2", Set.of("T2", "T3"),
            "h3", Set.of("T4", "T1"));
    static final List<String> IDS = List.of("h1", "h2", "h3");

    /** A command: load, enable, disable or remove a patch. */
    record Op(String name, String id) {
        @Override
        public String toString() {
            return name + " " + id;
        }
    }

    private final List<String> loaded = new ArrayList<>();
    private final Set<String> enabled = new HashSet<>();

    List<String> loaded() {
        return List.copyOf(loaded);
    }

    boolean enabled(String id) {
        return enabled.contains(id);
    }

    /** Every command the stack's rules allow now. */
    List<Op> allowed() {
        List<Op> out = new ArrayList<>();
        if (enabled.size() == loaded.size()) {
            IDS.stream().filter(id -> !loaded.contains(id)).forEach(id -> out.add(new Op("load", id)));
        }
        String topEnabled = null;
        String lowestDisabled = null;
        for (String id : loaded) {
            if (enabled.contains(id)) {
                topEnabled = id;
            } else {
                lowestDisabled = lowestDisabled == null ? id : lowestDisabled;
                out.add(new Op("remove", id));
            }
        }
        if (topEnabled != null) {
            out.add(new Op("disable", topEnabled));
        }
        if (lowestDisabled != null) {
            out.add(new Op("enable", lowestDisabled));
        }
        return out;
    }

    /** The command that turns {@code op}'s transition round, or null. */
    static Op reverse(Op op) {
        return switch (op.name()) {
            case "load", "enable" -> new Op("disable", op.id());
            case "disable" -> new Op("enable", op.id());
            default -> null;
        };
    }

    /** Records a command the agent carried out. */
    void apply(Op op) {
        switch (op.name()) {
            case "load" -> {
                loaded.add(op.id());
                enabled.add(op.id());
            }
            case "enable" -> enabled.add(op.id());
            case "disable" -> enabled.remove(op.id());
            case "remove" -> loaded.remove(op.id());
            default -> throw new IllegalArgumentException(op.toString());
        }
    }

    /** What a target class runs: the newest enabled patch that targets it, or {@code orig}. */
    String expected(String simpleName) {
        for (int i = loaded.size() - 1; i >= 0; i--) {
            String id = loaded.get(i);
            if (enabled.contains(id) && TARGETS.get(id).contains(simpleName)) {
                return id;
            }
        }
        return "orig";
    }

    /** What a target class may run at any time: the original, or a patch that targets it. */
    static boolean possible(String simpleName, String version) {
        return version.equals("orig") || (TARGETS.containsKey(version) && TARGETS.get(version).contains(simpleName));
    }
}
