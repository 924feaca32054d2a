/**
 * The management interface, {@code dev.jlivepatch:type=Livepatch} (the
 * kernel's {@code /sys/kernel/livepatch}): the MXBean and the open types it
 * shows patches, targets and blocking threads as.
 */
package dev.jlivepatch.agent.internal.manage;
