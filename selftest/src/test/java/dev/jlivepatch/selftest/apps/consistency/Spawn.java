package dev.jlivepatch.selftest.apps.consistency;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Creates platform or virtual threads. The selftests compile for Java 17,
 * which has no {@code Thread.ofVirtual()}; on JDK 21 and later it is reached
 * through method handles.
 */
public final class Spawn {
    private static final MethodHandle VIRTUAL = virtualFactory();
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private Spawn() {
    }

    /** Whether this JVM runs virtual threads. */
    public static boolean virtualAvailable() {
        return VIRTUAL != null;
    }

    /** Whether a thread is virtual; always false before JDK 21. */
    public static boolean isVirtual(Thread t) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(t);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An unstarted thread.
     *
     * @param virtual a virtual thread (JDK 21+), or a platform one
     */
    public static Thread thread(String name, boolean virtual, Runnable body) {
        if (!virtual) {
            Thread t = new Thread(body, name);
            t.setDaemon(true);
            return t;
        }
        if (VIRTUAL == null) {
            throw new UnsupportedOperationException("no virtual threads on JDK " + Runtime.version().feature());
        }
        try {
            return (Thread) VIRTUAL.invoke(name, body);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot create virtual thread " + name, e);
        }
    }

    private static MethodHandle isVirtualHandle() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JDK " + Runtime.version().feature() + " should have virtual threads", e);
        }
    }

    /** {@code (name, body) -> Thread.ofVirtual().name(name).unstarted(body)}, or null before JDK 21. */
    private static MethodHandle virtualFactory() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle of = l.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle name = l.findVirtual(ofVirtual, "name", MethodType.methodType(ofVirtual, String.class));
            MethodHandle unstarted = l.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class,
                    Runnable.class));
            // unstarted(name(ofVirtual(), n), body)
            MethodHandle named = MethodHandles.collectArguments(name, 0, of); // (String) -> OfVirtual
            MethodHandle u = unstarted.asType(MethodType.methodType(Thread.class, ofVirtual, Runnable.class));
            return MethodHandles.collectArguments(u, 0, named); // (String, Runnable) -> Thread
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JDK " + Runtime.version().feature() + " should have virtual threads", e);
        }
    }
}
