package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jlivepatch.coretest.app.Greeter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a target class holds is made once per class, whichever threads first look at it. */
class FuncStacksTest {

    /**
     * A class that loaded after its patch hands its prepared bindings over
     * when it is first looked at (the adopter takes them from the load). Two
     * threads may look at once: its class-init hook, and a status read or an
     * enable walking the loaded classes. The handing over must happen once,
     * to the holder both get; one made for a holder that is then thrown away
     * loses the class's bindings, and the class stays unpatched for good.
     */
    @Test
    void aClassFirstSeenByTwoThreadsAtOnceIsAdoptedOnceIntoTheHolderBothGet() throws Exception {
        FuncStacks stacks = new FuncStacks(new Registry());
        List<TargetClass> adopted = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        stacks.adoptWith(st -> {
            adopted.add(st);
            both.countDown();
            try {
                both.await(500, TimeUnit.MILLISECONDS); // let the other thread catch up, if it can
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TargetClass[] seen = new TargetClass[2];
        Thread other = new Thread(() -> seen[1] = stacks.of(Greeter.class));
        other.start();
        seen[0] = stacks.of(Greeter.class);
        other.join();
        assertSame(seen[0], seen[1]);
        assertEquals(List.of(seen[0]), adopted);
    }
}
