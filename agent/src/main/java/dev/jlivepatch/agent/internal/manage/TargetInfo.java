package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;
import java.util.List;

/** One loaded class a patch is applied to, in one class loader (the kernel's {@code klp_object}). */
public final class TargetInfo {
    private final String className;
    private final String loader;
    private final List<String> methods;

    /**
     * @param className the target class
     * @param loader the class loader's name, or its class and identity when it has none
     * @param methods the methods replaced, as {@code name(descriptor)}
     */
    @ConstructorProperties({"className", "loader", "methods"})
    public TargetInfo(String className, String loader, List<String> methods) {
        this.className = className;
        this.loader = loader;
        this.methods = List.copyOf(methods);
    }

    /** @return the target class's binary name */
    public String getClassName() {
        return className;
    }

    /** @return the class loader: {@code app}, {@code bootstrap}, a loader's name, or {@code Class@hash} */
    public String getLoader() {
        return loader;
    }

    /** @return the replaced methods as JVM name and descriptor, e.g. {@code greet(Ljava/lang/String;)Ljava/lang/String;} */
    public List<String> getMethods() {
        return methods;
    }
}
