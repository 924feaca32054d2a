package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/**
 * One target class of a patch, in one class loader (the kernel's
 * {@code klp_object}): loaded, with the patch applied or not, or refused by
 * the patch as it loaded.
 */
public final class TargetInfo {
    private final String className;
    private final boolean loaded;
    private final String loader;
    private final List<String> methods;
    private final boolean patched;
    private final String refusal;

    /**
     * @param className the target class
     * @param loaded whether a class loader has it loaded
     * @param loader the class loader's name, or its class and identity when it has none; null when not loaded
     * @param methods the methods replaced, as {@code name(descriptor)}
     * @param patched whether the patch is applied to the class now
     * @param refusal why the patch refused the class as it loaded, or null
     */
    @ConstructorProperties({"className", "loaded", "loader", "methods", "patched", "refusal"})
    public TargetInfo(String className, boolean loaded, String loader, List<String> methods, boolean patched,
                      String refusal) {
        this.className = className;
        this.loaded = loaded;
        this.loader = loader;
        this.methods = List.copyOf(methods);
        this.patched = patched;
        this.refusal = refusal;
    }

    /** @return the target class's binary name */
    public String getClassName() {
        return className;
    }

    /**
     * @return whether a class loader has the class loaded: false for a target not loaded yet or any more (its
     *     loader was collected), and for a class the patch refused
     */
    public boolean isLoaded() {
        return loaded;
    }

    /** @return the class loader: {@code app}, {@code bootstrap}, a loader's name, {@code Class@hash}; or null */
    public String getLoader() {
        return loader;
    }

    /** @return the replaced methods as JVM name and descriptor, e.g. {@code greet(Ljava/lang/String;)Ljava/lang/String;} */
    public List<String> getMethods() {
        return methods;
    }

    /** @return whether the patch's replacements run in this class now (the kernel's per-object {@code patched}) */
    public boolean isPatched() {
        return patched;
    }

    /**
     * @return why the patch refused this class as it loaded (its loader can load it again once the
     *     patch is gone), or null for a loaded class
     */
    public String getRefusal() {
        return refusal;
    }
}
