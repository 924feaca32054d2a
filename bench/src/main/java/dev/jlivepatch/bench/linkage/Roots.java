package dev.jlivepatch.bench.linkage;

import java.util.Map;

/**
 * Where the trace looks: the roots (what runs on a thread while the JVM links a call site or a constant, loads
 * a class through a class loader or runs the agents' transformers, and the agent's own dispatch), and which
 * classes get a hit (those of the bootstrap and platform loaders that a patch may target).
 */
final class Roots {
    private static final Map<String, Map<String, Integer>> ROOTS = Map.of(
            // The JVM's up-calls to link invokedynamic, constant dynamic, method handle and method type
            // constants, and signature-polymorphic calls.
            "java/lang/invoke/MethodHandleNatives", Map.of("linkCallSite", Trace.LINK,
                    "linkDynamicConstant", Trace.LINK, "linkMethodHandleConstant", Trace.LINK,
                    "findMethodHandleType", Trace.LINK, "linkMethod", Trace.LINK),
            // Class loading runs the agents' transformers; a retransformation is the agent weaving a patch
            // in while it enables or disables one, on its own thread, where no replacement is running.
            "sun/instrument/InstrumentationImpl", Map.of("transform", Trace.TRANSFORM,
                    "retransformClasses", Trace.SUSPEND),
            "java/lang/ClassLoader", Map.of("loadClass(Ljava/lang/String;)Ljava/lang/Class;", Trace.LOAD),
            // An application class's stub links through the agent's registry (Dispatch.link); a JDK class's
            // never does (Dispatch.linkNumbered), so a patched JDK method that registry uses re-enters nothing.
            "dev/jlivepatch/runtime/Dispatch", Map.of("enter", Trace.DISPATCH, "select", Trace.DISPATCH,
                    "link", Trace.SUSPEND),
            "dev/jlivepatch/runtime/FuncSite", Map.of("select", Trace.DISPATCH),
            // The application class loader loads the application's classes, which no replacement of a JDK
            // method can name (its patch class loader sees the JDK and its own jar only).
            "jdk/internal/loader/ClassLoaders$AppClassLoader",
            Map.of("loadClass(Ljava/lang/String;Z)Ljava/lang/Class;", Trace.SUSPEND),
            // A thread's walk of its own stack in a transition runs under the transition's own guard
            // (ThreadState.checking): a patched method it calls runs without a walk of its own.
            "dev/jlivepatch/agent/internal/transition/OwnStack", Map.of("clean", Trace.SUSPEND));
    /** Never patched (jlivepatch refuses them) or used by {@link Trace} itself. */
    private static final String[] SKIPPED = {"java/lang/Object", "java/lang/Thread$", "java/lang/invoke/",
        "java/lang/ref/", "java/lang/reflect/", "jdk/internal/", "sun/", "dev/jlivepatch/"};

    private Roots() {
    }

    /** The roots of a class, by method name or name + descriptor. */
    static Map<String, Integer> of(String name) {
        return ROOTS.getOrDefault(name, Map.of());
    }

    /** Whether a class gets hits. */
    static boolean traced(String name, ClassLoader loader) {
        if (loader != null && loader != ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (name.equals("java/lang/Thread")) {
            return false;
        }
        for (String s : SKIPPED) {
            if (name.startsWith(s)) {
                return false;
            }
        }
        return true;
    }
}
