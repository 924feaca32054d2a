/**
 * The command line's way into the agent: a private directory where the
 * command line puts a socket it listens on, and the agent connects to it
 * ({@link dev.jlivepatch.agent.internal.control.ControlDoor}), then the
 * requests and replies on that connection
 * ({@link dev.jlivepatch.agent.internal.control.ControlSession},
 * {@link dev.jlivepatch.agent.internal.control.Wire}). The JVM never listens.
 */
package dev.jlivepatch.agent.internal.control;
