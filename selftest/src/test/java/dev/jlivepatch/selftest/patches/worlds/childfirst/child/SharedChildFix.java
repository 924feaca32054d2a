package dev.jlivepatch.selftest.patches.worlds.childfirst.child;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.worlds.plugin.Extra;
import dev.jlivepatch.selftest.apps.worlds.shared.Shared;

/** Only the copy of the loader named {@code child-first}; it uses a class only that loader has. */
@Patch(target = "dev.jlivepatch.selftest.apps.worlds.shared.Shared", loader = "child-first")
public final class SharedChildFix {
    private SharedChildFix() {
    }

    @Replace
    static String greet(Shared self, String name) {
        return Extra.mark(name) + " in " + self.getClass().getClassLoader().getName();
    }
}
