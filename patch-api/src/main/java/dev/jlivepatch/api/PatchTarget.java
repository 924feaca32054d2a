package dev.jlivepatch.api;

/**
 * A callback's view of its target: one loaded target class of one patch (the
 * kernel passes its callbacks the {@code klp_object}).
 */
public interface PatchTarget {

    /**
     * The id of the patch whose callback runs.
     *
     * @return the patch id, the jar's {@code Livepatch-Id}
     */
    String patchId();

    /**
     * The target class, defined and being or having been initialised.
     *
     * @return the target class
     */
    Class<?> targetClass();

    /**
     * Whether the target class is loading after the patch was enabled (the
     * kernel's module coming): the callback then runs during the target's class
     * initialisation, before any of its code.
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
