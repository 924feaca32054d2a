package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flags anywhere on the line, with {@code =} or a separate value; durations; JSON text. */
class ArgsTest {

    @Test
    void flagsMayComeAnywhere() throws Failure {
        Args a = Args.parse(new String[] {"--json", "load", "12", "--timeout=90", "fix.jar", "--options", "dir=/x,a=b"});
        assertEquals("load", a.command());
        assertEquals(List.of("12", "fix.jar"), a.operands());
        assertTrue(a.json());
        assertEquals(Duration.ofSeconds(90), a.timeout());
        assertEquals("dir=/x,a=b", a.options());
        assertEquals(12, a.pid(0));
        assertEquals(Args.DEFAULT_TIMEOUT, Args.parse(new String[] {"enable", "1", "x"}).timeoutOrDefault());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertEquals("unknown option '--jsn' (see --help)",
                assertThrows(Failure.class, () -> Args.parse(new String[] {"jvms", "--jsn"})).getMessage());
        assertEquals("option '--json' takes no value",
                assertThrows(Failure.class, () -> Args.parse(new String[] {"jvms", "--json=yes"})).getMessage());
        assertEquals("option '--timeout' needs a value (see --help)",
                assertThrows(Failure.class, () -> Args.parse(new String[] {"enable", "--timeout"})).getMessage());
        assertEquals("'0' is not a process id (see 'java -jar jlivepatch.jar jvms')", assertThrows(Failure.class,
                () -> Args.parse(new String[] {"status", "0"}).pid(0)).getMessage());
        assertEquals("unknown option '-3' (see --help)",
                assertThrows(Failure.class, () -> Args.parse(new String[] {"status", "-3"})).getMessage());
    }

    @Test
    void durationsInSecondsOrWithAUnit() throws Failure {
        assertEquals(Duration.ofSeconds(60), Durations.parse("60"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Failure.USAGE, assertThrows(Failure.class, () -> Durations.parse("1d")).status());
        assertEquals("--timeout must be more than 0; use --no-wait not to wait",
                assertThrows(Failure.class, () -> Durations.parse("0")).getMessage());
        assertEquals("750ms", Durations.show(Duration.ofMillis(750)));
        assertEquals("12s", Durations.show(Duration.ofSeconds(12)));
        assertEquals("2m30s", Durations.show(Duration.ofSeconds(150)));
        assertEquals("2m", Durations.show(Duration.ofSeconds(120)));
    }

    @Test
    void jsonEscapesAndKeepsOrder() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("b", "q\"uote\\ \n\u0001");
        m.put("a", List.of(1L, true));
        m.put("n", null);
        assertEquals("{\"b\":\"q\\\"uote\\\\ \\n\\u0001\",\"a\":[1,true],\"n\":null}", Json.write(m));
    }
}
