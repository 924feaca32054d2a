package dev.jlivepatch.bench.patch.linkage;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.api.TargetField;
import java.util.ArrayList;
import java.util.function.IntSupplier;

/**
 * The linkage tracer's patch (target/bench-linkage.jar): a replacement of a JDK method whose first run links
 * a lambda, a string concatenation, a private field access and an {@code @Original} call, so that the trace
 * sees what that linkage runs.
 */
@Patch(target = "java.util.ArrayList")
public final class ListFix {
    private ListFix() {
    }

    @TargetField("size")
    static int size(ArrayList<?> self) {
        throw new AssertionError();
    }

    @Replace
    static int indexOf(ArrayList<?> self, Object o) {
        IntSupplier n = () -> size(self);
        if (o instanceof String s && s.equals("jlivepatch:" + n.getAsInt())) {
            return -2;
        }
        return indexOf$original(self, o);
    }

    @Original
    static int indexOf$original(ArrayList<?> self, Object o) {
        throw new AssertionError();
    }
}
