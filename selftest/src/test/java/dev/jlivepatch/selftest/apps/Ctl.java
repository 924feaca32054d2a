package dev.jlivepatch.selftest.apps;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

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

    /** Runs an operation; prints {@code OUT refused: reason} if the agent refuses it. */
    public static boolean op(String name, String arg) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
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
