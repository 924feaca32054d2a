package dev.jlivepatch.api;

/**
 * A patch state (the kernel's {@code klp_state}): a change to the system that
 * a patch makes and later patches must know about, with a version and data to
 * hand over. A patch declares its states in its manifest as
 * {@code Livepatch-States: 1:2, 7:1} (id:version); a patch may not be enabled
 * while an enabled patch holds the same state id at a higher version.
 *
 * <p>Callbacks reach states through {@link PatchTarget#state(long)} and
 * {@link PatchTarget#previousState(long)}; a new patch typically takes over
 * the previous state's {@link #data()} in its pre-patch callback.
 */
public final class State {
    private final long id;
    private final int version;
    private volatile Object data;

    /**
     * Creates a state; the agent does this for each state a patch declares.
     *
     * @param id the state id
     * @param version the state version
     */
    public State(long id, int version) {
        this.id = id;
        this.version = version;
    }

    /**
     * The state id.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * The version this patch declares.
     *
     * @return the version
     */
    public int version() {
        return version;
    }

    /**
     * The data attached to this state.
     *
     * @return the data, or {@code null}
     */
    public Object data() {
        return data;
    }

    /**
     * Attaches data to this state.
     *
     * @param data the data, or {@code null}
     */
    public void data(Object data) {
        this.data = data;
    }

    @Override
    public String toString() {
        return "State[id=" + id + ", version=" + version + "]";
    }
}
