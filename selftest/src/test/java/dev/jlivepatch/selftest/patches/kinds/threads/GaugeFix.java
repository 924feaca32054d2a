package dev.jlivepatch.selftest.patches.kinds.threads;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.threads.Gauge;

@Patch(target = "dev.jlivepatch.selftest.apps.kinds.threads.Gauge")
public final class GaugeFix {
    private GaugeFix() {
    }

    @Replace
    static int read(Gauge self) {
        return 2;
    }
}
