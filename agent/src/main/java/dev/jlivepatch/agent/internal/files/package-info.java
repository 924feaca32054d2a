/**
 * Files the agent trusts: who may write a patch jar, a watched directory or a
 * trust store and every directory and link on the way to it
 * ({@link dev.jlivepatch.agent.internal.files.FileRules}), and the private
 * copies the agent reads jars from ({@link dev.jlivepatch.agent.internal.files.Staging}).
 * Used by the core ({@code load}, {@code patch=}) and the watched directory alike.
 */
package dev.jlivepatch.agent.internal.files;
