package dev.jlivepatch.selftest.apps.hammer;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;

/** The agent's MBean, {@code dev.jlivepatch:type=Livepatch}, as the hammer uses it. */
final class Mbean {
    private static final ObjectName NAME = name();
    private static final MBeanServer SERVER = registered();

    private Mbean() {
    }

    /** The platform MBean server once the agent's MBean is on it (the agent registers it just after start). */
    private static MBeanServer registered() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (int i = 0; i < 1000 && !server.isRegistered(NAME); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** The {@code Patches} attribute: every patch with its state and targets. */
    static CompositeData[] patches() throws JMException {
        return (CompositeData[]) SERVER.getAttribute(NAME, "Patches");
    }

    /** The {@code Blockers} attribute. */
    static String[] blockers() throws JMException {
        return (String[]) SERVER.getAttribute(NAME, "Blockers");
    }

    /** The {@code BlockingThreads} attribute. */
    static CompositeData[] blockingThreads() throws JMException {
        return (CompositeData[]) SERVER.getAttribute(NAME, "BlockingThreads");
    }

    /**
     * Runs {@code load}, {@code enable}, {@code disable} or {@code remove}.
     *
     * @return null when carried out, else the agent's reason for refusing
     */
    static String op(String op, String arg) throws JMException {
        try {
            SERVER.invoke(NAME, op, new Object[] {arg}, new String[] {String.class.getName()});
            return null;
        } catch (RuntimeMBeanException e) {
            return String.valueOf(e.getCause().getMessage());
        }
    }

    static boolean awaitTransition(long millis) throws JMException {
        return (Boolean) SERVER.invoke(NAME, "awaitTransition", new Object[] {millis},
                new String[] {long.class.getName()});
    }

    private static ObjectName name() {
        try {
            return new ObjectName("dev.jlivepatch:type=Livepatch");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
