package dev.jlivepatch.selftest.patches.worlds.childfirst.unseen;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.worlds.plugin.Extra;
import dev.jlivepatch.selftest.apps.worlds.shared.Shared;

/** The same use of the child's own class, but for every copy: the class path's copy cannot see it. */
@Patch(target = "dev.jlivepatch.selftest.apps.worlds.shared.Shared")
public final class SharedUnseenFix {
    private SharedUnseenFix() {
    }

    @Replace
    static String greet(Shared self, String name) {
        return Extra.mark(name) + " in " + self.getClass().getClassLoader().getName();
    }
}
