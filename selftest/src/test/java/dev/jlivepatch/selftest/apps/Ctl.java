package dev.jlivepatch.selftest.apps;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

/**
 * What fixture applications use to drive the agent, through its real MBean
 * ({@code dev.jlivepatch:type=Livepatch}), printing each outcome as an
 * {@code OUT} line.
 */
public final class Ctl {
    private Ctl() {
    }

    public static void enable(String id) {
        op("enable", id);
    }

    public static void disable(String id) {
        op("disable", id);
    }

    public static void remove(String id) {
        op("remove", id);
    }

    public static void load(String path) {
        op("load", path);
    }

    /** Completes a stalled transition without the consistency check; prints the refusal if refused. */
    public static boolean force(String id) {
        return op("force", id);
    }

    /**
     * Waits for the running transition to complete.
     *
     * @return {@code true} if none runs, {@code false} if one still runs after {@code millis}
     */
    public static boolean awaitTransition(long millis) {
        try {
            return (Boolean) server().invoke(name(), "awaitTransition", new Object[] {millis},
                    new String[] {long.class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("awaitTransition failed", e);
        }
    }

    /**
     * A patch as the {@code Patches} attribute shows it.
     *
     * @return {@code enabled=B transition=T}, or {@code not loaded}
     */
    public static String state(String id) {
        try {
            for (CompositeData p : (CompositeData[]) server().getAttribute(name(), "Patches")) {
                if (id.equals(p.get("id"))) {
                    return "enabled=" + p.get("enabled") + " transition=" + p.get("transition");
                }
            }
            return "not loaded";
        } catch (Exception e) {
            throw new IllegalStateException("cannot read Patches", e);
        }
    }

    /**
     * A patch's targets as the {@code Patches} attribute shows them, one line each:
     * {@code targets: CLASS (LOADER) patched=B [refused: REASON]}, or {@code targets: none}.
     */
    public static List<String> targets(String id) {
        try {
            List<String> out = new ArrayList<>();
            for (CompositeData p : (CompositeData[]) server().getAttribute(name(), "Patches")) {
                if (!id.equals(p.get("id"))) {
                    continue;
                }
                for (CompositeData t : (CompositeData[]) p.get("targets")) {
                    String simple = ((String) t.get("className")).replaceAll(".*\\.", "");
                    Object refusal = t.get("refusal");
                    out.add("targets: " + simple + " (" + t.get("loader") + ") patched=" + t.get("patched")
                            + (refusal == null ? "" : " refused: " + refusal));
                }
            }
            return out.isEmpty() ? List.of("targets: none") : out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read Patches", e);
        }
    }

    /**
     * The {@code LastTransition} attribute: the last completed transition.
     *
     * @return its items by name, or null before the first
     */
    public static CompositeData lastTransition() {
        try {
            return (CompositeData) server().getAttribute(name(), "LastTransition");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read LastTransition", e);
        }
    }

    /**
     * A patch's attributes as the kernel's sysfs shows them under
     * {@code /sys/kernel/livepatch/ID}, read from the {@code Patches} attribute.
     *
     * @return {@code ID: enabled=0|1 transition=0|1 replace=0|1 stack_order=N}, or {@code ID: not loaded}
     */
    public static String sysfs(String id) {
        for (CompositeData p : patches()) {
            if (id.equals(p.get("id"))) {
                return id + ": enabled=" + bit(p.get("enabled")) + " transition=" + bit(!"none".equals(
                        p.get("transition"))) + " replace=" + bit(p.get("replace")) + " stack_order="
                        + p.get("stackOrder");
            }
        }
        return id + ": not loaded";
    }

    /**
     * A patch's objects of one target class as the kernel's sysfs shows them
     * ({@code /sys/kernel/livepatch/ID/OBJECT/patched}), one line per class loader:
     * {@code ID/Simple (LOADER): loaded=0|1 patched=0|1}, the loader {@code -} when none has it loaded.
     *
     * @param idAndClass {@code ID/SimpleClassName}
     */
    public static List<String> objects(String idAndClass) {
        String id = idAndClass.substring(0, idAndClass.indexOf('/'));
        String simple = idAndClass.substring(idAndClass.indexOf('/') + 1);
        List<String> out = new ArrayList<>();
        for (CompositeData p : patches()) {
            if (!id.equals(p.get("id"))) {
                continue;
            }
            for (CompositeData t : (CompositeData[]) p.get("targets")) {
                if (((String) t.get("className")).endsWith("." + simple)) {
                    out.add(idAndClass + " (" + (t.get("loader") == null ? "-" : t.get("loader")) + "): loaded="
                            + bit(t.get("loaded")) + " patched=" + bit(t.get("patched")));
                }
            }
        }
        return out.isEmpty() ? List.of(idAndClass + ": no such object") : out;
    }

    /** The loaded patches' ids in stack order, bottom first, as {@code ls /sys/kernel/livepatch} sorted by stack_order. */
    public static String ids() {
        List<String> ids = new ArrayList<>();
        for (CompositeData p : patches()) {
            ids.add(p.get("stackOrder") + ":" + p.get("id"));
        }
        return ids.isEmpty() ? "none" : String.join(" ", ids);
    }

    private static String bit(Object b) {
        return Boolean.TRUE.equals(b) ? "1" : "0";
    }

    private static CompositeData[] patches() {
        try {
            return (CompositeData[]) server().getAttribute(name(), "Patches");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read Patches", e);
        }
    }

    /** The {@code Blockers} attribute: each thread blocking the running transition, and where. */
    public static List<String> blockers() {
        try {
            List<String> out = new ArrayList<>();
            for (Object b : (Object[]) server().getAttribute(name(), "Blockers")) {
                out.add((String) b);
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read Blockers", e);
        }
    }

    /**
     * The platform MBean server, once the agent's MBean is on it: an agent started with {@code -javaagent}
     * registers it on a thread of its own just after start (waits up to 10 s, then returns the server anyway).
     */
    public static MBeanServer server() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = name();
            for (int i = 0; i < 1000 && !server.isRegistered(name); i++) {
                Thread.sleep(10);
            }
        } catch (InterruptedException | javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    private static ObjectName name() throws javax.management.MalformedObjectNameException {
        return new ObjectName("dev.jlivepatch:type=Livepatch");
    }

    /** Runs an operation; prints {@code OUT refused: reason} if the agent refuses it. */
    public static boolean op(String name, String arg) {
        try {
            MBeanServer server = server();
            server.invoke(new ObjectName("dev.jlivepatch:type=Livepatch"), name, new Object[] {arg},
                    new String[] {String.class.getName()});
            return true;
        } catch (RuntimeMBeanException e) {
            System.out.println("OUT refused: " + e.getCause().getMessage());
            return false;
        } catch (Exception e) {
            System.out.println("OUT failed: " + e);
            return false;
        }
    }

    public static void out(Object line) {
        System.out.println("OUT " + line);
    }
}
