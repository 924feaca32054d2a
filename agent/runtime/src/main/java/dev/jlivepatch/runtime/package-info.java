/**
 * The stub runtime: what woven dispatch stubs and rewritten patch classes
 * call. The agent defines these classes in the bootstrap class loader, so
 * that every class loader reaches them, and they stay small and use
 * {@code java.base} only (this module's descriptor makes the compiler check
 * it). Policy (which entry runs, when a thread switches) lives in the agent
 * behind {@link dev.jlivepatch.runtime.Linker} and
 * {@link dev.jlivepatch.runtime.ThreadPatchStates}.
 */
package dev.jlivepatch.runtime;
