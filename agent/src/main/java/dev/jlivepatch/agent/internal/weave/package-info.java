/**
 * Bytecode, with ASM: the dispatch stubs woven into target methods
 * ({@link dev.jlivepatch.agent.internal.weave.StubWeaver}), the shape
 * interfaces stubs call through, the hidden bridge classes that call a
 * replacement, and the rewriting of patch classes so that they reach their
 * target's private and package-private members and types.
 */
package dev.jlivepatch.agent.internal.weave;
