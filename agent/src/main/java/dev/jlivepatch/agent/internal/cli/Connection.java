package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.util.function.Function;

/**
 * An open connection to one JVM's jlivepatch agent: its MBean's operations,
 * over the control channel ({@link RemoteAgent}). {@link #call} turns what the
 * agent throws into a {@link Failure} carrying the agent's one-line reason.
 */
final class Connection implements AutoCloseable {
    private final long pid;
    private final LivepatchMXBean mbean;
    private final String agentVersion;
    private final boolean attached;
    private final AutoCloseable closer;

    /**
     * @param pid the JVM
     * @param mbean its MBean, or null when the agent is not loaded there
     * @param agentVersion the agent's version there, or null
     * @param attached whether this command loaded the agent
     * @param closer what closing releases (the control channel), or null
     */
    Connection(long pid, LivepatchMXBean mbean, String agentVersion, boolean attached, AutoCloseable closer) {
        this.pid = pid;
        this.mbean = mbean;
        this.agentVersion = agentVersion;
        this.attached = attached;
        this.closer = closer;
    }

    long pid() {
        return pid;
    }

    boolean hasAgent() {
        return mbean != null;
    }

    String agentVersion() {
        return agentVersion;
    }

    boolean attached() {
        return attached;
    }

    /** Refuses, with the reason, a command that needs the agent where it is not loaded. */
    void requireAgent(String id) throws Failure {
        if (mbean == null) {
            throw Failure.failed("jlivepatch is not loaded in JVM " + pid + ", so it has no patch '" + id
                    + "' (load one with '" + Usage.PROGRAM + " load " + pid + " PATCH.jar')");
        }
    }

    /** Runs one MBean operation; a refusal becomes a {@link Failure} with the agent's reason. */
    <T> T call(Function<LivepatchMXBean, T> op) throws Failure {
        try {
            return op.apply(mbean);
        } catch (RemoteAgent.Unsupported e) {
            // The agent has no such operation: it is older than this command line.
            throw Failure.failed("the agent in JVM " + pid + " (jlivepatch " + agentVersion + ") is older than"
                    + " this command line and cannot do this: " + e.getMessage());
        } catch (RemoteAgent.Lost e) {
            throw Failure.failed(e.getMessage());
        } catch (RuntimeException e) {
            throw Failure.failed(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    @Override
    public void close() {
        if (closer != null) {
            try {
                closer.close();
            } catch (Exception e) {
                // the JVM may have gone; nothing is left to release on our side
            }
        }
    }
}
