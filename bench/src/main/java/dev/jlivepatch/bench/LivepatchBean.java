package dev.jlivepatch.bench;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The agent's MBean ({@code dev.jlivepatch:type=Livepatch}) in the benchmark's
 * own JVM, called by operation name, as a JMX client would: the benchmarks
 * drive the real agent through its control surface and do not compile against
 * its internals.
 */
final class LivepatchBean {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    LivepatchBean() throws JMException {
        name = new ObjectName("dev.jlivepatch:type=Livepatch");
        // The agent registers its MBean on a thread of its own just after start.
        for (int i = 0; i < 1000 && !server.isRegistered(name); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!server.isRegistered(name)) {
            throw new IllegalStateException(name + " is not registered: is the agent loaded?");
        }
    }

    /** Loads (and so enables) a patch jar; returns its id. */
    String load(String path) throws JMException {
        return (String) server.invoke(name, "load", new Object[] {path}, new String[] {String.class.getName()});
    }

    /** Starts the patch's patching transition. */
    void enable(String id) throws JMException {
        server.invoke(name, "enable", new Object[] {id}, new String[] {String.class.getName()});
    }

    /** Starts the patch's unpatching transition. */
    void disable(String id) throws JMException {
        server.invoke(name, "disable", new Object[] {id}, new String[] {String.class.getName()});
    }

    /** The MBean's {@code LastTransition}, as text: rounds and who switched the threads. */
    String lastTransition() throws JMException {
        javax.management.openmbean.CompositeData d =
                (javax.management.openmbean.CompositeData) server.getAttribute(name, "LastTransition");
        return d == null ? "none" : d.get("rounds") + " rounds, " + d.get("selfSwitched") + " self-switched, "
                + d.get("managerSwitched") + " by the manager";
    }

    /** Starts counting the calls of every replacement for {@code millis}. */
    void countCalls(long millis) throws JMException {
        server.invoke(name, "countCalls", new Object[] {millis}, new String[] {"long"});
    }

    /** Stops counting calls. */
    void stopCounting() throws JMException {
        server.invoke(name, "stopCounting", new Object[0], new String[0]);
    }

    /** Whether calls are counted now. */
    boolean counting() throws JMException {
        return (Boolean) ((javax.management.openmbean.CompositeData) server.getAttribute(name, "Calls")).get("counting");
    }

    /** The calls counted so far, summed over every replacement. */
    long calls() throws JMException {
        long sum = 0;
        javax.management.openmbean.CompositeData c =
                (javax.management.openmbean.CompositeData) server.getAttribute(name, "Calls");
        for (Object o : (Object[]) c.get("calls")) {
            sum += (Long) ((javax.management.openmbean.CompositeData) o).get("calls");
        }
        return sum;
    }

    /** Waits for the running transition; fails if it has not completed in time. */
    void await(long millis) throws JMException {
        Boolean done = (Boolean) server.invoke(name, "awaitTransition", new Object[] {millis}, new String[] {"long"});
        if (!done) {
            throw new IllegalStateException("transition not complete after " + millis + " ms; blockers: "
                    + java.util.Arrays.deepToString(new Object[] {server.getAttribute(name, "Blockers")}));
        }
    }
}
