/**
 * The consistency model (the kernel's {@code transition.c}, per thread):
 * one transition's per-thread patch states and the rules that switch them,
 * a thread's look at its own stack, and the batched stack dumps the
 * manager's rounds read. It knows nothing of patches or class loading; the
 * core drives it.
 */
package dev.jlivepatch.agent.internal.transition;
