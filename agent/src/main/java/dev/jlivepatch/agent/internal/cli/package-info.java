/**
 * The command line ({@code jvms}, {@code load}, {@code status},
 * {@code enable}, {@code disable}, {@code remove}, {@code force}): it runs in
 * its own JVM, attaches the agent to the target and talks to it, and prints
 * for people or, with {@code --json}, for scripts; and {@code build}, which
 * attaches to nothing and runs the patch builder
 * ({@link dev.jlivepatch.agent.internal.build.Builder}).
 */
package dev.jlivepatch.agent.internal.cli;
