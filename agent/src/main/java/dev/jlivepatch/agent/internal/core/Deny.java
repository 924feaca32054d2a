package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchException;
import java.util.Set;

/**
 * Classes that no patch may target: those the stubs, the agent and the
 * method-handle machinery run on, where a replacement would recurse into
 * itself or pull the floor from under the dispatch.
 */
final class Deny {
    private static final Set<String> CLASSES = Set.of("java.lang.Object", "java.lang.Class", "java.lang.ClassLoader",
            "java.lang.ClassValue", "java.lang.Thread", "java.lang.ThreadLocal", "java.lang.System",
            "java.lang.StackWalker", "java.lang.StackStreamFactory", "java.lang.StackFrameInfo",
            // A thread's patch state in a transition is a VarHandle, which checks its receiver with Objects.
            "java.util.Objects");
    private static final String[] PACKAGES = {"java.lang.invoke.", "java.lang.ref.", "java.lang.reflect.",
        "jdk.internal.", "sun.", "java.util.concurrent.ConcurrentHashMap", "dev.jlivepatch.runtime.", "dev.jlivepatch.api.", "dev.jlivepatch.agent.",
        "dev.jlivepatch.internal."};

    private Deny() {
    }

    static void check(LoadedPatch p, String target) throws PatchException {
        int nested = target.indexOf('$');
        boolean denied = CLASSES.contains(nested < 0 ? target : target.substring(0, nested));
        for (String pkg : PACKAGES) {
            denied |= target.startsWith(pkg);
        }
        if (denied) {
            throw new PatchException("patch '" + p.id() + "': " + target
                    + " cannot be patched: jlivepatch's own dispatch depends on it");
        }
    }
}
