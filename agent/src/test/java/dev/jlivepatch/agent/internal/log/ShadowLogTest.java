package dev.jlivepatch.agent.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.api.Shadow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the patch API's Shadow reports reaches the agent's log: would catch a
 * renamed field in Shadow (the agent reaches it by name) or a level lost on
 * the way, which would leave a duplicate allocation or a failed constructor
 * out of the log that the selftests compare.
 */
class ShadowLogTest {

    @Test
    void shadowReportsLandInTheAgentsLog() throws Exception {
        ShadowLog.install();
        Object installed = MethodHandles.privateLookupIn(Shadow.class, MethodHandles.lookup())
                .findStaticVarHandle(Shadow.class, ShadowLog.FIELD, System.Logger.class).getVolatile();
        assertTrue(installed instanceof ShadowLog, () -> "Shadow's logger: " + installed);

        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Object obj = new Object();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Shadow.alloc(obj, 1, () -> "first");
            assertNull(Shadow.alloc(obj, 1, () -> "second"));
            assertNull(Shadow.alloc(obj, 2, (o, d) -> null, "data"));
        } finally {
            System.setErr(err);
            Shadow.freeAll(1);
        }
        String var = "java.lang.Object@" + Integer.toHexString(System.identityHashCode(obj));
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("WARN jlivepatch - duplicate shadow variable <" + var + ", 0x1>",
                "ERROR jlivepatch - failed to construct shadow variable <" + var + ", 0x2>: the constructor returned"
                        + " null"),
                lines.stream().map(l -> l.substring(l.indexOf(']') + 2)).toList(), () -> String.join("\n", lines));
    }
}
