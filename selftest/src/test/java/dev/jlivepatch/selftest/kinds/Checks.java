package dev.jlivepatch.selftest.kinds;

import dev.jlivepatch.selftest.harness.Run;

/** What every kinds run must show besides its own observations. */
final class Checks {
    private Checks() {
    }

    /** Exit 0, no error logged by the agent, no uncaught exception, no refused or failed operation. */
    static Run clean(Run run) {
        return run.exitsWith(0)
                .expectNoLine(" ERROR ")
                .expectNoLine("Exception in thread")
                .expectNoLine("OUT refused:")
                .expectNoLine("OUT failed:");
    }
}
