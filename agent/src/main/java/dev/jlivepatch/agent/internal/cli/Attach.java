package dev.jlivepatch.agent.internal.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.jlivepatch.agent.internal.control.ControlDoor;
import dev.jlivepatch.agent.internal.manage.AgentVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The real {@link Connector}: checks the PID, attaches with the JDK's attach
 * API to read the target's system properties (its Java version, whether the
 * agent runs there, and where its control directory is), loads the agent
 * with ByteBuddy's attach support when asked to, and opens the control
 * channel ({@link Channel}). Nothing is started in the target for the
 * command line: no JMX connector, no listening socket.
 */
final class Attach implements Connector {

    @Override
    public Connection connect(long pid, boolean load, String options, Out out) throws Failure {
        Processes.check(pid);
        requireAttachModule();
        Properties props;
        boolean present;
        boolean attached = false;
        VirtualMachine vm = attach(pid);
        try {
            props = vm.getSystemProperties();
            String spec = props.getProperty("java.specification.version");
            String tooOld = JavaVersion.refusal(pid, spec);
            if (tooOld != null) {
                throw Failure.failed(tooOld);
            }
            present = props.getProperty(AgentVersion.PROPERTY) != null;
            // An agent started with -javaagent opens its control surfaces on a thread of its own, just after start.
            for (int i = 0; !present && props.getProperty(AgentVersion.STARTING) != null && i < 100; i++) {
                sleep();
                props = vm.getSystemProperties();
                present = props.getProperty(AgentVersion.PROPERTY) != null;
            }
            if (load && (!present || options != null)) {
                int feature = JavaVersion.feature(spec);
                DynamicLoading dynamic = DynamicLoading.of(vm, feature);
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
                props = vm.getSystemProperties();
            }
        } catch (IOException e) {
            throw Failure.failed(AttachFailures.attach(pid, e));
        } finally {
            detach(vm);
        }
        if (!present && !attached) {
            return new Connection(pid, null, null, false, null); // status of a JVM without the agent
        }
        String dir = props.getProperty(ControlDoor.PROPERTY);
        if (dir == null) {
            throw Failure.failed(attached && !present
                    ? "the jlivepatch agent started in JVM " + pid + " but did not open its control directory; the"
                    + " JVM's output says why"
                    : "the jlivepatch agent in JVM " + pid + " (" + props.getProperty(AgentVersion.PROPERTY) + ") has"
                    + " no control directory: it is older than this command line, or could not make one (its log"
                    + " says why)");
        }
        RemoteAgent agent = Channel.open(pid, dir, Processes.uidOf(pid));
        String version = agent.getVersion();
        if (!version.equals(AgentVersion.current())) {
            out.note("JVM " + pid + " runs jlivepatch agent " + version + ", and this command line is "
                    + AgentVersion.current() + "; if a command fails, use the command line of version " + version);
        }
        return new Connection(pid, agent, version, attached, agent);
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

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
