/**
 * JDK Flight Recorder events of the agent: a patch loaded, enabled, disabled
 * and removed, and each transition started and completed (with its duration
 * and the threads that blocked it), so that a recording shows when the code
 * of the JVM changed. {@link dev.jlivepatch.agent.internal.jfr.Recorder} is
 * the only entry point; it names no {@code jdk.jfr} type and does nothing on a
 * JVM without the {@code jdk.jfr} module.
 */
package dev.jlivepatch.agent.internal.jfr;
