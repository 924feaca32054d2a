package dev.jlivepatch.fuzztest;

/**
 * What became of a jar: accepted, or refused with a reason. The reason's
 * stable part stops where the JDK's own wording starts (a zip error, the JVM's
 * or ASM's message), which differs from one JDK to the next.
 */
public record Outcome(boolean accepted, String reason) {
    private static final String[] JDK_WORDED = {"not a jar, or truncated: ", "cannot read the jar: ",
        "the JVM refuses it: ", "(ASM cannot read it: ", " cannot be loaded against ", "failed to initialise: ",
        " not found (class "};

    public static Outcome ok() {
        return new Outcome(true, null);
    }

    public static Outcome refused(String reason) {
        return new Outcome(false, reason);
    }

    /** {@code accepted}, or {@code refused: } and the reason up to the JDK's wording. */
    public String stable() {
        if (accepted) {
            return "accepted";
        }
        String r = reason;
        for (String marker : JDK_WORDED) {
            int at = r.indexOf(marker);
            if (at >= 0) {
                r = r.substring(0, at + marker.length()).stripTrailing();
            }
        }
        return "refused: " + r;
    }

    /** The kind of outcome, for statistics: which check refused it (the first of {@link #KINDS} its reason names). */
    public String kind() {
        if (accepted) {
            return "accepted";
        }
        for (String k : KINDS) {
            if (reason.contains(k)) {
                return "refused: " + k;
            }
        }
        String s = reason.replaceFirst("^[^:]*\\.jar: ", "");
        return "refused: other: " + (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }

    /** The checks' wordings, most specific first. */
    private static final String[] KINDS = {"not a jar, or truncated", "cannot read the jar",
        "no class of the jar is annotated", "more than a patch jar may", "inflates to more than",
        "times its compressed size", "appears twice", "two manifests", "in its name", "non-portable name",
        "empty name", "twice in its", "no META-INF/MANIFEST.MF", "the manifest has no Livepatch-Id", "Livepatch-Id '",
        "Livepatch-States", "bundles", "is not a class file", "is truncated", "class file version", "holds class",
        "java.* packages", "annotation values nest", "nested too deeply", "the JVM refuses it", "ASM cannot read it",
        "not a valid class file", "both patch", "@Original", "@Patch has an empty target",
        "has no @Replace method and no callback", "must be static", "callback",
        "@Replace methods or callbacks but no @Patch"};
}
