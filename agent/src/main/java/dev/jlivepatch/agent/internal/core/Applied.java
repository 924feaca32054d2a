package dev.jlivepatch.agent.internal.core;

import java.util.List;

/**
 * Where a patch applies: one loaded target class, in one class loader.
 *
 * @param className the target class
 * @param loader the class loader's name, or its class and identity when it has none
 * @param methods the methods replaced, as {@code name(desc)ret}
 */
public record Applied(String className, String loader, List<String> methods) {
}
