package dev.jlivepatch.coretest.patches.missing;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;

/** Replaces a method {@code Greeter} does not have. */
@Patch(target = "dev.jlivepatch.coretest.app.Greeter")
public final class MissingMethod {
    private MissingMethod() {
    }

    @Replace
    static String farewell(String name) {
        return "bye " + name;
    }
}
