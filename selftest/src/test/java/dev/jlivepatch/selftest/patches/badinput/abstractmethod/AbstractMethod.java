package dev.jlivepatch.selftest.patches.badinput.abstractmethod;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.badinput.Shape;

/** Bad: Shape.sides is an interface's abstract method, with no body to patch. */
@Patch(target = "dev.jlivepatch.selftest.apps.badinput.Shape")
public final class AbstractMethod {
    @Replace
    static int sides(Shape self) {
        return -1;
    }
}
