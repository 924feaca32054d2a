package dev.jlivepatch.agent.internal.jfr;

import dev.jlivepatch.agent.internal.log.Log;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * What the agent tells JDK Flight Recorder. Each method commits one event
 * when a recording asks for it, and costs a few field writes otherwise. Until
 * Flight Recorder has been started in the JVM (a recording, from the command
 * line or {@code jcmd}), no event class is touched: the first event class a
 * JVM loads brings up Flight Recorder's event machinery, about 140 ms, which
 * a JVM that never records should not pay on its first patch. On a JVM
 * without the {@code jdk.jfr} module (an image made without it, or
 * {@code --limit-modules}), or when an event cannot be made, every method does
 * nothing: the events are an aid, and never stop a patch.
 */
public final class Recorder {
    /** {@code jdk.jfr.FlightRecorder.isInitialized()}, or null without {@code jdk.jfr}. */
    private static final MethodHandle INITIALIZED = initialized();
    private static volatile boolean on = INITIALIZED != null;

    private Recorder() {
    }

    /** @return whether events can be recorded: {@code jdk.jfr} is present and no event has failed */
    public static boolean on() {
        return on;
    }

    /** Whether an event may be wanted now: Flight Recorder has been started in this JVM. */
    private static boolean recording() {
        if (!on) {
            return false;
        }
        try {
            return (boolean) INITIALIZED.invokeExact();
        } catch (Throwable e) {
            failed(e);
            return false;
        }
    }

    /**
     * A patch was loaded and passed its checks; its patching transition starts next.
     *
     * @param id the patch id
     * @param description its description, or null
     * @param jar the jar's path as given
     * @param digest the SHA-256 of the jar's bytes
     * @param replace whether it is an atomic-replace patch
     * @param stackOrder its place on the stack
     * @param replaces the ids of the patches it replaces
     */
    public static void patchLoaded(String id, String description, String jar, byte[] digest, boolean replace,
                                   int stackOrder, List<String> replaces) {
        if (recording()) {
            try {
                Events.patchLoaded(id, description, jar, hex(digest), replace, stackOrder, String.join(",", replaces));
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /**
     * @param id the patch whose patching transition completed
     * @param forced whether it completed without the consistency check
     */
    public static void patchEnabled(String id, boolean forced) {
        if (recording()) {
            try {
                Events.patchEnabled(id, forced);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /**
     * @param id the patch whose replacements no longer run
     * @param reason {@code disabled}, {@code reversed}, or {@code replaced by 'ID'}
     */
    public static void patchDisabled(String id, String reason) {
        if (recording()) {
            try {
                Events.patchDisabled(id, reason);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /**
     * @param id the patch that left the stack
     * @param reason {@code removed}, {@code replaced by 'ID'}, or why else it went
     */
    public static void patchRemoved(String id, String reason) {
        if (recording()) {
            try {
                Events.patchRemoved(id, reason);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    /**
     * A transition started, or a running one was reversed.
     *
     * @param id the patch in transition
     * @param patching whether the goal is now the patched state
     * @param reversal whether a running transition was turned round
     * @param replaces the ids of the patches the transition replaces
     * @return for a start, what {@link #transitionCompleted} commits at the end (null when nothing is recorded)
     */
    public static Object transitionStarted(String id, boolean patching, boolean reversal, List<String> replaces) {
        if (recording()) {
            try {
                Events.transitionStarted(id, kind(patching), reversal, String.join(",", replaces));
                return reversal ? null : Events.begin();
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
        return null;
    }

    /**
     * A transition completed.
     *
     * @param begun what {@link #transitionStarted} returned at its start
     * @param id the patch
     * @param patched whether the threads ended in the patched state
     * @param reversed whether the transition was turned round on its way
     * @param forced whether it was completed without the consistency check
     * @param rounds how many times the manager inspected the threads
     * @param blockers each thread that blocked it, with the frame it was first seen in
     */
    public static void transitionCompleted(Object begun, String id, boolean patched, boolean reversed,
                                           boolean forced, int rounds, List<String> blockers) {
        if (begun != null && recording()) {
            try {
                Events.transitionCompleted(begun, id, kind(patched), reversed, forced, rounds, blockers);
            } catch (RuntimeException | LinkageError e) {
                failed(e);
            }
        }
    }

    private static String kind(boolean patching) {
        return patching ? "patching" : "unpatching";
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    private static void failed(Throwable e) {
        on = false;
        Log.warn("JDK Flight Recorder events are off from now on: " + e);
    }

    private static MethodHandle initialized() {
        if ("off".equals(System.getProperty("jlivepatch.jfr"))) {
            return null;
        }
        try {
            if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
                return null;
            }
            Class.forName("jdk.jfr.Event", false, Recorder.class.getClassLoader());
            Class<?> recorder = Class.forName("jdk.jfr.FlightRecorder", false, Recorder.class.getClassLoader());
            return MethodHandles.publicLookup().findStatic(recorder, "isInitialized",
                    MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
