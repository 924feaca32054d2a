package dev.jlivepatch.selftest.patches.lifecycle.loglevel.v2;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.lifecycle.Box;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State the patch keeps on live objects: how often each box is described, in
 * a shadow variable made by a constructor that gets the box and a start value.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Box")
public final class BoxCount {
    static final long SEEN = 2;

    private BoxCount() {
    }

    @Replace
    static String describe(Box self) {
        AtomicInteger seen = Shadow.getOrAlloc(self, SEEN, BoxCount::counter, 0);
        return "box " + self.name() + " seen " + seen.incrementAndGet() + " (" + ConsoleState.id + ")";
    }

    private static AtomicInteger counter(Object box, Integer start) {
        System.out.println("OUT " + ConsoleState.id + ": shadow counter for box " + ((Box) box).name());
        return new AtomicInteger(start);
    }
}
