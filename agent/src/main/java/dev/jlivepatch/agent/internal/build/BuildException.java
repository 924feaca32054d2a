package dev.jlivepatch.agent.internal.build;

/** The builder could not run at all: a build cannot be read, the patch jar cannot be written. */
public final class BuildException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildException(String reason) {
        super(reason);
    }

    public BuildException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
