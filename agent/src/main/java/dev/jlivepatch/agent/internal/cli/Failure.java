package dev.jlivepatch.agent.internal.cli;

/**
 * A request that was not carried out: the one-line reason for stderr and the
 * exit status. Statuses are part of the command line's contract
 * (docs/command-line.md): scripts tell a refusal from a timeout by them.
 */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Refused or failed: the agent, the attach or the target said no. */
    static final int FAILED = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /** The transition started but did not complete in time; it keeps running in the target. */
    static final int TIMEOUT = 3;

    private final int status;

    private Failure(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static Failure failed(String reason) {
        return new Failure(FAILED, reason);
    }

    static Failure usage(String reason) {
        return new Failure(USAGE, reason);
    }

    static Failure timeout(String reason) {
        return new Failure(TIMEOUT, reason);
    }

    int status() {
        return status;
    }
}
