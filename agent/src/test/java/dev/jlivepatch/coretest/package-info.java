/**
 * Fixtures of the core's unit tests ({@code dev.jlivepatch.agent.internal.core}): target classes, the
 * callbacks' journal and patch classes. They live outside {@code dev.jlivepatch.agent}, whose classes no
 * patch may target, and the patch classes are packed into patch jars by the tests.
 */
package dev.jlivepatch.coretest;
