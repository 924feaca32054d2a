/**
 * The watched patch directory ({@code dir=}): polling, the rules a jar must
 * meet before it is read (owner, permissions, symbolic links, a stable
 * size, signatures with {@code trust=}), private copies, and keeping the
 * loaded patches in step with the directory's jars.
 */
package dev.jlivepatch.agent.internal.watch;
