package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.transition.Blocker;
import java.util.List;

/**
 * What loading a patch jar would do, found by a dry run that changed nothing.
 *
 * @param id the patch id; null when the jar could not be read
 * @param description its description, or null
 * @param replace whether it is an atomic-replace patch
 * @param replaces the enabled patches it would replace (an atomic replace, or the version it upgrades)
 * @param targets the classes it would patch now, and those it was checked against without their being loaded
 * @param checks each check and its outcome, in the order a load runs them
 * @param blockers the threads that would block its patching transition if it started now
 * @param notes what else to know: what the dry run did not do, what the load would do besides
 */
public record DryRunReport(String id, String description, boolean replace, List<String> replaces,
                           List<Target> targets, List<Check> checks, List<Blocker> blockers, List<String> notes) {

    /**
     * One target class in one class loader.
     *
     * @param className the target class
     * @param loaded whether the loader has it loaded (it would be patched now) or the patch was checked against the
     *     class file it would load it from (it would be patched as it loads)
     * @param loader the class loader; null for the bootstrap loader
     * @param methods the methods the patch would replace there
     */
    public record Target(String className, boolean loaded, ClassLoader loader, List<String> methods) {
    }

    /**
     * One check a load runs.
     *
     * @param name {@code jar}, {@code transition}, {@code states} or {@code targets}
     * @param passed whether it passed
     * @param detail what was found, or why the check failed (the refusal a load would give)
     */
    public record Check(String name, boolean passed, String detail) {
    }

    /** @return the reason of the first check that failed (what a load would refuse the patch with), or null */
    public String refusal() {
        for (Check c : checks) {
            if (!c.passed()) {
                return c.detail();
            }
        }
        return null;
    }
}
