package dev.jlivepatch.agent.internal.core;

/** The transition a patch is in, with the words the MBean and the command line show. */
public enum TransitionState {
    /** No transition: every thread runs the same code. */
    NONE("none"),
    /** Moving threads to the patched state. */
    PATCHING("patching"),
    /** Moving threads back to the unpatched state. */
    UNPATCHING("unpatching");

    private final String label;

    TransitionState(String label) {
        this.label = label;
    }

    /** @return the word for people and scripts: {@code none}, {@code patching} or {@code unpatching} */
    public String label() {
        return label;
    }

    /** @param patching the direction of a transition @return its state */
    static TransitionState of(boolean patching) {
        return patching ? PATCHING : UNPATCHING;
    }
}
