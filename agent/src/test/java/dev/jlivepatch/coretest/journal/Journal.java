package dev.jlivepatch.coretest.journal;

import dev.jlivepatch.api.PatchTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the fixture patches' callbacks did, as {@code KIND ID TARGET} lines ({@code pre_patch v1 Greeter}),
 * and which pre-patch callbacks are told to fail. Not packed into patch jars: patch code reaches this one
 * copy through the application class loader.
 */
public final class Journal {
    private static final List<String> LINES = new ArrayList<>();
    private static final Set<String> FAILING = new HashSet<>();

    private Journal() {
    }

    /** Forgets every line and every failure. */
    public static synchronized void reset() {
        LINES.clear();
        FAILING.clear();
    }

    /** Makes the pre-patch callback of patch {@code id} for target {@code simpleName} return false. */
    public static synchronized void failPrePatch(String id, String simpleName) {
        FAILING.add(id + " " + simpleName);
    }

    public static synchronized List<String> lines() {
        return List.copyOf(LINES);
    }

    /** A pre-patch callback: notes itself, then refuses if told to. */
    public static synchronized boolean prePatch(PatchTarget t) {
        note("pre_patch", t);
        return !FAILING.contains(t.patchId() + " " + simple(t));
    }

    public static synchronized void note(String kind, PatchTarget t) {
        LINES.add(kind + " " + t.patchId() + " " + simple(t));
    }

    private static String simple(PatchTarget t) {
        return t.targetName().substring(t.targetName().lastIndexOf('.') + 1);
    }
}
