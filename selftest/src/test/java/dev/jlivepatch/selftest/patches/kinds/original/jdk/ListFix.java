package dev.jlivepatch.selftest.patches.kinds.original.jdk;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import java.util.ArrayList;

/** A JDK method whose original body uses the class's private members: a probe answer, else the original. */
@Patch(target = "java.util.ArrayList")
public final class ListFix {
    private ListFix() {
    }

    @Replace
    static int indexOf(ArrayList<?> self, Object o) {
        return o != null && o.getClass() == Object.class ? 4242 : indexOf$original(self, o);
    }

    @Original
    static int indexOf$original(ArrayList<?> self, Object o) {
        throw new AssertionError();
    }
}
