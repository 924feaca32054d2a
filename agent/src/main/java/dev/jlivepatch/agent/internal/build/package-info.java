/**
 * {@code jlivepatch build}, the JVM's kpatch-build: reads two builds of the
 * same code ({@link dev.jlivepatch.agent.internal.build.Build}), compares
 * them method by method after normalizing away what does not change
 * behaviour ({@link dev.jlivepatch.agent.internal.build.Normalizer},
 * {@link dev.jlivepatch.agent.internal.build.Differ}), decides what a patch
 * can replace and what it must refuse
 * ({@link dev.jlivepatch.agent.internal.build.Decider}), generates the patch
 * classes with the new bodies linked to the running build
 * ({@link dev.jlivepatch.agent.internal.build.Generator},
 * {@link dev.jlivepatch.agent.internal.build.Relinker},
 * {@link dev.jlivepatch.agent.internal.build.Carrier}), checks them as the
 * agent will load them ({@link dev.jlivepatch.agent.internal.build.RewriteCheck})
 * and writes an ordinary patch jar; the
 * {@link dev.jlivepatch.agent.internal.build.Report} says what was done and why.
 * It depends on {@code patch} and {@code weave}; nothing of the agent's core
 * depends on it.
 */
package dev.jlivepatch.agent.internal.build;
