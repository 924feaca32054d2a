package dev.jlivepatch.agent.internal.patch;

/** A patch refused: the message is the one-line reason shown to the user. */
public final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;

    public PatchException(String reason) {
        super(reason);
    }

    public PatchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
