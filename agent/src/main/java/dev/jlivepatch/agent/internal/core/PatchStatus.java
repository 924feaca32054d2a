package dev.jlivepatch.agent.internal.core;

import java.util.List;

/**
 * One patch as {@code status} shows it, read with every other patch of the
 * same read under the core lock ({@link Livepatch#status()}), so that its
 * fields and its targets belong to one state of the stack.
 *
 * @param patch the patch
 * @param enabled whether it is enabled
 * @param transition the transition it is in
 * @param forced whether a transition of it was forced
 * @param stackOrder its place on the stack, 1 for the oldest loaded
 * @param targets its loaded targets, patched or not, and the classes it refused
 */
public record PatchStatus(LoadedPatch patch, boolean enabled, TransitionState transition, boolean forced,
                          int stackOrder, List<TargetRecord> targets) {
}
