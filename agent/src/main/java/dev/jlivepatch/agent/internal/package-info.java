/**
 * Starting the agent in a JVM: the runtime defined in the bootstrap class
 * loader ({@link dev.jlivepatch.agent.internal.Bootstrap}), the agent options,
 * and the start of the core, the MBean and the watched directories
 * ({@link dev.jlivepatch.agent.internal.AgentMain}).
 */
package dev.jlivepatch.agent.internal;
