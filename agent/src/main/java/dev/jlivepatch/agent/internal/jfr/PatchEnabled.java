package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A patch's patching transition completed: from now on every thread runs its replacements. */
@Name("dev.jlivepatch.PatchEnabled")
@Label("Patch Enabled")
@Category("jlivepatch")
@Description("A patch's patching transition completed: from now on every call of its methods runs its replacements")
@StackTrace(false)
public final class PatchEnabled extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Forced")
    @Description("The transition was completed without the consistency check")
    boolean forced;
}
