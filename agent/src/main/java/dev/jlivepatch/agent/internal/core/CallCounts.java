package dev.jlivepatch.agent.internal.core;

import java.util.List;

/**
 * The calls of every replacement counted so far, read at one moment.
 *
 * @param counting whether calls are being counted now
 * @param since when counting was last switched on (milliseconds since the epoch), or 0 if it never was
 * @param until when counting switches off by itself (milliseconds since the epoch), or 0 when it is off
 * @param counts per replacement applied now, in stack order
 */
public record CallCounts(boolean counting, long since, long until, List<Count> counts) {

    /**
     * The calls one replacement ran while calls were counted, since its patch
     * was applied to its class.
     *
     * @param patchId the patch
     * @param className the target class
     * @param loader the target's class loader, null for the bootstrap loader
     * @param method the replaced method, {@code name(desc)ret}
     * @param calls how many calls ran it while counting was on
     */
    public record Count(String patchId, String className, ClassLoader loader, String method, long calls) {
    }
}
