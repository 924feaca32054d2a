package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the builder found and decided, one entry per change (and, for
 * {@code --explain}, per unchanged method): the report printed by the
 * command line and the Maven goal. A patch is written only when no entry is
 * {@link Decision#REFUSE}.
 */
public final class Report {

    /** What happens to a change. */
    public enum Decision {
        /** The method is replaced by the new build's body. */
        REPLACE("replace"),
        /** New code the replaced methods need, carried in the patch jar. */
        CARRY("carry"),
        /** Cannot be patched safely: no patch is written. */
        REFUSE("refuse"),
        /** The same in both builds. */
        UNCHANGED("unchanged"),
        /** Changed, but not taken: no {@code --include} pattern names it. */
        EXCLUDE("exclude"),
        /** Needs nothing from the patch, or is worth knowing about it. */
        NOTE("note");

        private final String word;

        Decision(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /**
     * One entry.
     *
     * @param decision what happens
     * @param where the class or member, as people name it
     * @param at the source file and line in the new build, or null
     * @param what what changed, and why the decision
     * @param detail how it changed, for {@code --explain} (where a body's instructions part), or null
     */
    public record Entry(Decision decision, String where, String at, String what, String detail) {
        /** The entry as one line of the report, with its detail or without. */
        public String line(boolean explain) {
            return String.format("  %-9s %s%s: %s%s", decision.word(), where, at == null ? "" : " (" + at + ")", what,
                    explain && detail != null ? " (" + detail + ")" : "");
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decision", decision.word());
            m.put("where", where);
            m.put("at", at);
            m.put("what", what);
            m.put("detail", detail);
            return m;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Decision d, String where, String at, String what) {
        add(d, where, at, what, null);
    }

    void add(Decision d, String where, String at, String what, String detail) {
        for (Entry e : entries) {
            if (e.decision() == d && e.where().equals(where) && e.what().equals(what)) {
                return;
            }
        }
        entries.add(new Entry(d, where, at, what, detail));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> of(Decision d) {
        return entries.stream().filter(e -> e.decision() == d).toList();
    }

    public boolean refused() {
        return !of(Decision.REFUSE).isEmpty();
    }

    /**
     * The report as lines: every entry with {@code explain}, otherwise what
     * the patch does and what refuses it.
     */
    public List<String> lines(boolean explain) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean shown = explain || e.decision() == Decision.REPLACE || e.decision() == Decision.CARRY
                    || e.decision() == Decision.REFUSE || e.decision() == Decision.NOTE;
            if (shown) {
                out.add(e.line(explain));
            }
        }
        return out;
    }

    /** The entries as JSON values (the command line's {@code --json}). */
    public List<Map<String, Object>> json(boolean explain) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            if (explain || e.decision() != Decision.UNCHANGED) {
                out.add(e.json());
            }
        }
        return out;
    }
}
