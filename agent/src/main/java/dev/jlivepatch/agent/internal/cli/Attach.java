package dev.jlivepatch.agent.internal.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.jlivepatch.agent.internal.manage.AgentVersion;
import dev.jlivepatch.agent.internal.manage.Control;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The real {@link Connector}: checks the PID, attaches with the JDK's attach
 * API to read the target's system properties (its Java version, whether the
 * agent runs there) and to start its local JMX connector, loads the agent with
 * ByteBuddy's attach support when asked to, and opens the MBean over JMX.
 */
final class Attach implements Connector {

    @Override
    public Connection connect(long pid, boolean load, String options, Out out) throws Failure {
        Processes.check(pid);
        requireAttachModule();
        Properties props;
        String address = null;
        VirtualMachine vm = attach(pid);
        try {
            props = vm.getSystemProperties();
            String spec = props.getProperty("java.specification.version");
            String tooOld = JavaVersion.refusal(pid, spec);
            if (tooOld != null) {
                throw Failure.failed(tooOld);
            }
            if (load || props.getProperty(AgentVersion.PROPERTY) != null) {
                // Starts the JVM's local JMX connector (loopback only, this user only) if it is not running.
                address = vm.startLocalManagementAgent();
            }
        } catch (IOException e) {
            throw Failure.failed(AttachFailures.attach(pid, e));
        } finally {
            detach(vm);
        }
        if (address == null) {
            return new Connection(pid, null, null, false, null); // status of a JVM without the agent
        }
        JMXConnector jmx = jmx(pid, address);
        try {
            return open(pid, load, options, out, props, jmx);
        } catch (Failure | RuntimeException e) {
            close(jmx);
            throw e;
        }
    }

    private static Connection open(long pid, boolean load, String options, Out out, Properties props,
                                   JMXConnector jmx) throws Failure {
        ObjectName name = name();
        MBeanServerConnection server;
        boolean present;
        try {
            server = jmx.getMBeanServerConnection();
            present = props.getProperty(AgentVersion.PROPERTY) != null || server.isRegistered(name);
        } catch (IOException e) {
            throw Failure.failed("lost the JMX connection to JVM " + pid + ": " + e);
        }
        boolean attached = false;
        if (load && (!present || options != null)) {
            int feature = JavaVersion.feature(props.getProperty("java.specification.version"));
            DynamicLoading dynamic = DynamicLoading.of(server, feature);
            if (dynamic == DynamicLoading.REFUSED) {
                throw Failure.failed(DynamicLoading.refusal(pid));
            }
            loadAgent(pid, options);
            attached = true;
            out.line(present ? "jlivepatch is already loaded in JVM " + pid + "; gave it the agent options again"
                    + " (it keeps its patches and state)" : "loaded the jlivepatch agent into JVM " + pid);
            if (dynamic == DynamicLoading.WARNS) {
                out.note(DynamicLoading.notice(pid, feature));
            }
            try {
                if (!server.isRegistered(name)) {
                    throw Failure.failed("the jlivepatch agent started in JVM " + pid + " but did not register its"
                            + " MBean " + Control.NAME + "; the JVM's output says why");
                }
            } catch (IOException e) {
                throw Failure.failed("lost the JMX connection to JVM " + pid + ": " + e);
            }
        }
        LivepatchMXBean mbean = JMX.newMXBeanProxy(server, name, LivepatchMXBean.class);
        String version = new Connection(pid, mbean, null, attached, null).call(LivepatchMXBean::getVersion);
        if (!version.equals(AgentVersion.current())) {
            out.note("JVM " + pid + " runs jlivepatch agent " + version + ", and this command line is "
                    + AgentVersion.current() + "; if a command fails, use the command line of version " + version);
        }
        return new Connection(pid, mbean, version, attached, jmx);
    }

    /** The JDK's attach, with each failure turned into its reason. */
    static VirtualMachine attach(long pid) throws Failure {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw Failure.failed(AttachFailures.attach(pid, e));
        }
    }

    static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }

    /** The command line needs jdk.attach, which full JDKs have and trimmed runtimes may lack. */
    static void requireAttachModule() throws Failure {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw Failure.failed("this Java runtime (" + System.getProperty("java.home") + ") has no jdk.attach"
                    + " module, which attach needs: run the command line with a full JDK, 17 or newer");
        }
    }

    private static void loadAgent(long pid, String options) throws Failure {
        Path jar = AgentJar.path();
        try {
            ByteBuddyAgent.attach(jar.toFile(), Long.toString(pid), options,
                    ByteBuddyAgent.AttachmentProvider.ForModularizedVm.INSTANCE);
        } catch (RuntimeException e) {
            throw Failure.failed(AttachFailures.load(pid, jar, e));
        }
    }

    private static JMXConnector jmx(long pid, String address) throws Failure {
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(address));
        } catch (IOException | RuntimeException e) {
            throw Failure.failed("cannot connect to the local JMX connector of JVM " + pid + " at " + address
                    + ": " + e);
        }
    }

    private static void close(JMXConnector jmx) {
        try {
            jmx.close();
        } catch (IOException e) {
            // nothing to release
        }
    }

    private static ObjectName name() {
        try {
            return new ObjectName(Control.NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
