package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which class definitions an enable waits for before it looks for its loaded targets. */
class InFlightTest {
    private static final Set<String> TARGET = Set.of("com.example.Greeter");

    @Test
    void aDefinitionWhoseTransformerReturnedJustNowCounts() throws Exception {
        InFlight f = new InFlight();
        Object other = f.enter("com/example/Other");
        f.exit(other);
        assertFalse(f.settle(TARGET, 0), "another class's definition is no concern");
        // The transformer read the targets before the patch was published, and returned; the JVM may still be
        // defining the class, out of sight of the enable's look at the loaded classes.
        // (Tried a few times: this thread could itself be descheduled for a moment between the two calls.)
        boolean counted = false;
        for (int i = 0; i < 5 && !counted; i++) {
            Object greeter = f.enter("com/example/Greeter");
            f.exit(greeter);
            counted = f.settle(TARGET, 0);
        }
        assertTrue(counted);
        Thread.sleep(2 * InFlight.MOMENT_MILLIS);
        assertFalse(f.settle(TARGET, 0), "a moment after its transformer returned, the definition is done");
    }

    @Test
    void aDefinitionBeingDecidedIsWaitedFor() {
        InFlight f = new InFlight();
        Object greeter = f.enter("com/example/Greeter");
        Thread done = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            f.exit(greeter);
        });
        done.start();
        long start = System.nanoTime();
        assertTrue(f.settle(TARGET, 5_000));
        assertTrue(System.nanoTime() - start >= 40_000_000L, "it waited for the transformer to return");
    }
}
