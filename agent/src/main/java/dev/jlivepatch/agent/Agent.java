package dev.jlivepatch.agent;

import dev.jlivepatch.agent.internal.AgentMain;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point, for {@code -javaagent:jlivepatch.jar=OPTIONS} and
 * for attach. Options are comma-separated {@code key=value}: {@code patch=PATH}
 * enables a patch jar at once (repeatable).
 */
public final class Agent {

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main} for {@code -javaagent}.
     *
     * @param options the agent options
     * @param inst the instrumentation
     */
    public static void premain(String options, Instrumentation inst) {
        AgentMain.start(options, inst, true);
    }

    /**
     * Called by the JVM when the agent is attached to a running JVM.
     *
     * @param options the agent options
     * @param inst the instrumentation
     */
    public static void agentmain(String options, Instrumentation inst) {
        AgentMain.start(options, inst, false);
    }
}
