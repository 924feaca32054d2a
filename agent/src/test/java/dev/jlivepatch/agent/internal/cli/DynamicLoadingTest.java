package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reading the EnableDynamicAgentLoading flag from {@code jcmd PID VM.flags -all}, as JDK 25 prints it. */
class DynamicLoadingTest {
    private static final String OTHER = "     bool EnableContended                          = true"
            + "                                      {product} {default}\n";

    @Test
    void theFlagAndWhereItsValueCameFrom() {
        assertEquals(DynamicLoading.WARNS, DynamicLoading.parse(OTHER + "     bool EnableDynamicAgentLoading"
                + "                = true                                      {product} {default}\n"));
        assertEquals(DynamicLoading.SILENT, DynamicLoading.parse(OTHER + "     bool EnableDynamicAgentLoading"
                + "                = true                                      {product} {command line}\n"));
        assertEquals(DynamicLoading.REFUSED, DynamicLoading.parse("     bool EnableDynamicAgentLoading"
                + "                = false                                     {product} {command line}\n"));
        assertEquals(DynamicLoading.SILENT, DynamicLoading.parse(OTHER), "a JVM without the flag says nothing");
    }
}
