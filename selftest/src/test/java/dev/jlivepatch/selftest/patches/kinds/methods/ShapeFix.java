package dev.jlivepatch.selftest.patches.kinds.methods;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.methods.Shape;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.methods.Shape")
public final class ShapeFix {
    private ShapeFix() {
    }

    @Replace
    static String describe(Shape self) {
        return "shape of area " + self.area();
    }

    @Replace
    static String unit() {
        return "mm";
    }
}
