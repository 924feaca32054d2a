/**
 * Reading a patch jar (the kernel's {@code klp_patch}) and everything that
 * can be checked without its targets: the manifest, the class files, the
 * {@code @Patch} classes with their replacements, callbacks and accessors;
 * and matching replacements to a target's methods
 * ({@link dev.jlivepatch.agent.internal.patch.Resolver}). Nothing here loads
 * or defines a class.
 */
package dev.jlivepatch.agent.internal.patch;
