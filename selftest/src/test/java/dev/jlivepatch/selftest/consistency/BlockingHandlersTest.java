package dev.jlivepatch.selftest.consistency;

import static dev.jlivepatch.selftest.consistency.Fixtures.count;
import static dev.jlivepatch.selftest.consistency.Fixtures.line;
import static dev.jlivepatch.selftest.consistency.Fixtures.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Threads shaped like request handlers (issue 9): each calls a patched caller
 * in a loop that waits 2 ms inside it, then calls the patched callee, so it
 * sits in the old caller nearly all the time and has a clean stack only
 * between two requests. Every thread must switch itself the next time it
 * enters the caller with nothing old below it: 20 load, disable, remove
 * cycles, then 20 disable, enable cycles, and every one of the 82
 * transitions completes, with no chain that mixes versions. For 20 and 200
 * platform threads, and for 2,000 virtual threads (JDK 21 and later).
 */
class BlockingHandlersTest {
    private static final int CYCLES = 20;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void twentyPlatformHandlers(Jdk jdk) throws Exception {
        expectComplete(serve(jdk, "serve-20-" + jdk, 20, 0), 20, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void twoHundredPlatformHandlers(Jdk jdk) throws Exception {
        expectComplete(serve(jdk, "serve-200-" + jdk, 200, 0), 200, 0);
    }

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void twoThousandVirtualHandlers(Jdk jdk) throws Exception {
        Fixtures.assumeVirtualThreads(jdk);
        expectComplete(serve(jdk, "serve-v2000-" + jdk, 0, 2000), 0, 2000);
    }

    private static Run serve(Jdk jdk, String name, int platform, int virtual) throws Exception {
        Path dir = Run.workDir(name);
        Path app = Fixtures.app(dir);
        Path pair = Fixtures.pair(dir);
        return Fixtures.run(jdk, app, "serve:" + platform + ":" + virtual + ":" + CYCLES + ":" + pair);
    }

    private static void expectComplete(Run r, int platform, int virtual) {
        int transitions = 4 * CYCLES + 2;
        assertEquals("serve: " + (platform + virtual) + " handlers (" + platform + " platform, " + virtual
                + " virtual), " + CYCLES + " cycles", line(r, "serve: " + (platform + virtual) + " handlers"),
                () -> r.toString());
        assertEquals(List.of("serve: 0 errors []"),
                r.out().stream().filter(l -> l.matches("serve: \\d+ errors .*")).toList(),
                () -> "errors; output:\n" + r);
        assertEquals("serve: transitions complete: " + transitions + " of " + transitions,
                line(r, "serve: transitions complete:"), () -> r.toString());
        assertEquals(0, number(r, "serve: mixed chains:"), () -> "chains mixed versions; output:\n" + r);
        assertEquals(0, number(r, "serve: lost calls:"), () -> "calls lost; output:\n" + r);
        assertEquals("serve: every handler ran both versions: true", line(r, "serve: every handler"),
                () -> r.toString());
        assertEquals("serve: final pair not loaded", line(r, "serve: final"), () -> r.toString());
        // The status of each transition (the MBean's LastTransition): its patch and kind, and at least every
        // handler switched, by itself or by the manager.
        assertEquals("serve: every transition's record counts every handler switched: []",
                line(r, "serve: every transition's record"), () -> r.toString());
        r.expectNoLine("refused").expectNoLine("ERROR").expectNoLine("WARN").expectNoLine("Exception");
        // Every transition logged its completion, and ran its post callback once.
        assertEquals(transitions, count(r, "patching complete"), () -> r.toString());
        assertEquals(transitions, count(r, "OUT pair: post_patch_callback") + count(r, "OUT pair: post_unpatch_callback"),
                () -> r.toString());
    }
}
