package dev.jlivepatch.agent.internal.manage;

/**
 * The agent's version, and the system property through which a JVM tells
 * {@code jlivepatch jvms} (which reads other JVMs' properties over attach,
 * without touching JMX) that the agent is loaded.
 */
public final class AgentVersion {
    /** Set in a JVM once the agent runs there; its value is the agent's version. */
    public static final String PROPERTY = "jlivepatch.agent.version";
    /**
     * Set at once by an agent started with {@code -javaagent}, which opens its control surfaces (and sets
     * {@link #PROPERTY}) on a thread of its own: a command line that sees it waits for the version.
     */
    public static final String STARTING = "jlivepatch.agent.starting";

    private AgentVersion() {
    }

    /** @return the version from the agent jar's manifest, or {@code dev} when run from classes */
    public static String current() {
        String v = AgentVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Marks this JVM as starting the agent, before its control surfaces are open. */
    public static void starting() {
        System.setProperty(STARTING, current());
    }

    /** Marks this JVM as running the agent. */
    public static void publish() {
        System.setProperty(PROPERTY, current());
    }
}
