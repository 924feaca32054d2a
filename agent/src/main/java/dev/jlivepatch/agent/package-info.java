/**
 * The agent's two entry points, kept tiny: {@link dev.jlivepatch.agent.Agent}
 * for {@code -javaagent} and attach, {@link dev.jlivepatch.agent.Cli} for
 * {@code java -jar jlivepatch.jar}. Everything else is in {@code internal}.
 */
package dev.jlivepatch.agent;
