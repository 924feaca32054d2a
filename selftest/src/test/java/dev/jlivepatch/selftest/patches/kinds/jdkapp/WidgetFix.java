package dev.jlivepatch.selftest.patches.kinds.jdkapp;

import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import dev.jlivepatch.selftest.apps.kinds.jdk.Widget;

/** An application patch, loaded while HashMap.get, ArrayList.size and Integer.toHexString are patched. */
@Patch(target = "dev.jlivepatch.selftest.apps.kinds.jdk.Widget")
public final class WidgetFix {
    private WidgetFix() {
    }

    @Replace
    static String name(Widget self) {
        return "patched widget";
    }
}
