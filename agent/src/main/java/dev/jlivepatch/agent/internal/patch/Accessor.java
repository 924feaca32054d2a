package dev.jlivepatch.agent.internal.patch;

/**
 * A {@code @TargetField} or {@code @TargetMethod} declaration: calls to
 * {@code method desc} are rewritten into direct accesses of {@code member} of
 * {@code owner} (a binary name).
 */
public record Accessor(String method, String desc, boolean field, String member, String owner) {
}
