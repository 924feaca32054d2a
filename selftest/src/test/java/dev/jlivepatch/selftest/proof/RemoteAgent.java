package dev.jlivepatch.selftest.proof;

import com.sun.tools.attach.VirtualMachine;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The agent's MBean in another JVM, over the JDK's local JMX connector, which
 * this starts in that JVM through attach ({@code startLocalManagementAgent}):
 * a command costs a local RMI call, where the command line starts a JVM for
 * each (the scenario issues hundreds).
 */
public final class RemoteAgent implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final ObjectName name;

    private RemoteAgent(JMXConnector connector) throws Exception {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.name = new ObjectName("dev.jlivepatch:type=Livepatch");
    }

    public static RemoteAgent of(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return new RemoteAgent(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    public void load(String path) throws Exception {
        op("load", path);
    }

    public void enable(String id) throws Exception {
        op("enable", id);
    }

    public void disable(String id) throws Exception {
        op("disable", id);
    }

    public void remove(String id) throws Exception {
        op("remove", id);
    }

    /** Waits for the running transition; fails if it still runs after 60 s. */
    public void await() throws Exception {
        Object done = server.invoke(name, "awaitTransition", new Object[] {60_000L}, new String[] {"long"});
        if (!Boolean.TRUE.equals(done)) {
            throw new IllegalStateException("a transition still runs after 60 s");
        }
    }

    /** The patches as {@code id:enabled} in stack order, or {@code none}. */
    public String patches() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (CompositeData p : (CompositeData[]) server.getAttribute(name, "Patches")) {
            sb.append(sb.length() == 0 ? "" : " ").append(p.get("id")).append(':').append(p.get("enabled"));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    private void op(String op, String arg) throws Exception {
        server.invoke(name, op, new Object[] {arg}, new String[] {String.class.getName()});
    }

    /** Closes the connection; quietly when the other JVM has gone already. */
    @Override
    public void close() {
        try {
            connector.close();
        } catch (java.io.IOException e) {
            // the JVM exited: nothing to close on its side
        }
    }
}
