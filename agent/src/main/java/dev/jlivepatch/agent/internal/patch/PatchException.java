package dev.jlivepatch.agent.internal.patch;

/** A patch refused: the message is the one-line reason shown to the user. */
public final class PatchException extends Exception {
    private static final long serialVersionUID = 1L;
    private boolean logged;

    public PatchException(String reason) {
        super(reason);
    }

    public PatchException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Marks the refusal as already logged, in the kernel's order, where it happened. */
    public PatchException logged() {
        logged = true;
        return this;
    }

    public boolean isLogged() {
        return logged;
    }
}
