package dev.jlivepatch.api;

/**
 * A callback's view of its target: one target class of one patch, in one
 * class loader (the kernel passes its callbacks the {@code klp_object}).
 */
public interface PatchTarget {

    /**
     * The id of the patch whose callback runs.
     *
     * @return the patch id, the jar's {@code Livepatch-Id}
     */
    String patchId();

    /**
     * The target class. For a class that loads after the patch was enabled
     * (the kernel's module coming), the pre-patch callback runs while the class
     * is being defined, before it exists, and gets {@code null} here: a
     * refusal then fails the definition, and the class loader may define the
     * class again once the patch is gone. Every later callback gets the class.
     *
     * @return the target class, or {@code null} in the pre-patch callback of a loading class
     */
    Class<?> targetClass();

    /**
     * The target class's binary name, always known.
     *
     * @return the name, as {@link Class#getName()} gives it
     */
    String targetName();

    /**
     * The class loader that defines (or is defining) the target class.
     *
     * @return the loader, or {@code null} for the bootstrap loader
     */
    ClassLoader targetLoader();

    /**
     * Whether the target class is loading after the patch was enabled (the
     * kernel's module coming): the pre-patch callback then runs as the class
     * is defined, the post-patch callback as it initialises, both before any
     * of its code.
     *
     * @return {@code true} while patching a class that is loading
     */
    boolean loading();

    /**
     * This patch's state of the given id, as declared in its manifest
     * ({@code Livepatch-States}), or {@code null} if the patch declares none.
     *
     * @param id the state id
     * @return the state, or {@code null}
     */
    State state(long id);

    /**
     * The state of the given id of the newest other enabled patch that declares
     * it (the kernel's {@code klp_get_prev_state}): what this patch takes over.
     *
     * @param id the state id
     * @return the previous patch's state, or {@code null}
     */
    State previousState(long id);
}
