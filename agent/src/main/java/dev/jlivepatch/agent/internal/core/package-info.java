/**
 * The core, split as the kernel splits {@code kernel/livepatch/}: the
 * registry and its commands under the core lock
 * ({@link dev.jlivepatch.agent.internal.core.Livepatch}, core.c); the func
 * stacks, their snapshots and stubs ({@code FuncStacks}, patch.c); driving
 * transitions ({@code TransitionManager}, transition.c); classes loading
 * after their patches ({@code ClassLoadHook}, {@code StubLinker}) and going
 * away ({@code UnloadWatcher}); and binding a patch class to one target class
 * of one class loader ({@code BindingMaker}, {@code PatchClassLoader}).
 * {@code Environment} is the one seam in front of the JVM.
 */
package dev.jlivepatch.agent.internal.core;
