package dev.jlivepatch.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodType;

/**
 * The agent's side of the stubs: finds the func site of a woven method and
 * runs the patch work that must happen as a target class initialises.
 */
public interface Linker {

    /**
     * Returns the func site of a woven method.
     *
     * @param owner the class that declares the method
     * @param method the method's name and descriptor, as {@code name(desc)ret}
     * @return its func site, never {@code null}
     */
    FuncSite site(Class<?> owner, String method);

    /**
     * Called first thing in the class initialiser of a target that loaded
     * after a patch (the kernel's module coming): runs the pre-patch
     * callbacks and switches the class's func sites to the patch.
     *
     * @param owner the class being initialised
     * @throws LinkageError to refuse the class
     */
    void classInit(Class<?> owner);

    /**
     * Returns the call site of an {@code @Original} accessor: what ran before
     * the caller's patch, for the caller's thread.
     *
     * @param caller the patch class that calls the accessor
     * @param accessor the accessor's name and descriptor, as {@code name(desc)ret}
     * @param type the call site's type
     * @return the call site, never {@code null}
     */
    CallSite original(Class<?> caller, String accessor, MethodType type);
}
