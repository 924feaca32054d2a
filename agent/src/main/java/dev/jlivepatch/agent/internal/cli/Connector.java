package dev.jlivepatch.agent.internal.cli;

/** How commands reach a JVM's agent: by attach in real life, by a fake in unit tests. */
interface Connector {

    /**
     * Connects to the jlivepatch MBean of JVM {@code pid}.
     *
     * @param pid the target JVM
     * @param load whether to load the agent when it is not there (only {@code load} does)
     * @param options agent options for that load, or null; given while the agent is loaded, they are
     *                passed to it again by a second attach, which keeps its state
     * @param out where notices go
     * @return the connection; {@link Connection#hasAgent()} is false when the agent is absent and not loaded
     * @throws Failure with the reason when the JVM cannot be reached
     */
    Connection connect(long pid, boolean load, String options, Out out) throws Failure;
}
