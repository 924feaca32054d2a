package dev.jlivepatch.selftest.patches.lifecycle.loglevel.v1;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.lifecycle.Box;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * State the patch keeps on live objects: how often each box is described, in
 * a shadow variable made by a constructor that gets the box and the caller's
 * data (the patch's version, which it prints). The version is a constant, not
 * read from {@link ConsoleState}: each patch class of a jar gets its own copy
 * of the jar's classes, statics included.
 */
@Patch(target = "dev.jlivepatch.selftest.apps.lifecycle.Box")
public final class BoxCount {
    static final long SEEN = 2;
    private static final String VERSION = "v1";

    private BoxCount() {
    }

    @Replace
    static String describe(Box self) {
        AtomicInteger seen = Shadow.getOrAlloc(self, SEEN, BoxCount::counter, VERSION);
        return "box " + self.name() + " seen " + seen.incrementAndGet() + " (" + VERSION + ")";
    }

    private static AtomicInteger counter(Object box, String version) {
        System.out.println("OUT " + version + ": shadow counter for box " + ((Box) box).name());
        return new AtomicInteger();
    }
}
