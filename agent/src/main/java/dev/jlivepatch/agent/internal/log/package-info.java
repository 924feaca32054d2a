/** The {@code jlivepatch} logger (SLF4J, shaded), worded as the kernel's livepatch messages. */
package dev.jlivepatch.agent.internal.log;
