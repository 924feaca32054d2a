/**
 * The stub runtime: what woven dispatch stubs call. It sits on the bootstrap
 * class path so that every class loader reaches it, and it stays small and free
 * of third-party types. Policy (which entry runs, when a thread switches) lives
 * in the agent behind {@link dev.jlivepatch.runtime.Linker} and
 * {@link dev.jlivepatch.runtime.ThreadPatchStates}.
 */
package dev.jlivepatch.runtime;
