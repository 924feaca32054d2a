package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;

/** The calls one replacement ran while calls were counted (an open type). */
public final class CallInfo {
    private final String patch;
    private final String className;
    private final String loader;
    private final String method;
    private final long calls;

    /**
     * @param patch the patch id
     * @param className the target class
     * @param loader its class loader, named as in {@link TargetInfo#getLoader()}
     * @param method the replaced method, as JVM name and descriptor
     * @param calls the calls counted since the patch was applied to the class, while counting was on
     */
    @ConstructorProperties({"patch", "className", "loader", "method", "calls"})
    public CallInfo(String patch, String className, String loader, String method, long calls) {
        this.patch = patch;
        this.className = className;
        this.loader = loader;
        this.method = method;
        this.calls = calls;
    }

    /** @return the patch id */
    public String getPatch() {
        return patch;
    }

    /** @return the target class */
    public String getClassName() {
        return className;
    }

    /** @return the target's class loader: {@code app}, {@code bootstrap}, a loader's name, {@code Class@hash} */
    public String getLoader() {
        return loader;
    }

    /** @return the replaced method, e.g. {@code greet(Ljava/lang/String;)Ljava/lang/String;} */
    public String getMethod() {
        return method;
    }

    /** @return the calls that ran the replacement while counting was on, since its patch was applied here */
    public long getCalls() {
        return calls;
    }

    /** @return what identifies the replacement: patch, class, loader and method */
    public String key() {
        return patch + " " + className + " " + loader + " " + method;
    }
}
