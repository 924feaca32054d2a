package dev.jlivepatch.agent.internal.patch;

/**
 * A {@code @Replace} method: its own name and descriptor, and the name of the
 * target method it replaces.
 */
public record Replacement(String method, String desc, String targetName) {
}
