package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A patch's replacements no longer run anywhere: its unpatching transition completed, or a patch replaced it. */
@Name("dev.jlivepatch.PatchDisabled")
@Label("Patch Disabled")
@Category("jlivepatch")
@Description("A patch's replacements no longer run anywhere: its unpatching transition completed, or another"
        + " patch replaced it")
@StackTrace(false)
public final class PatchDisabled extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Reason")
    @Description("disabled; reversed (its patching transition was turned back); or replaced by 'ID'")
    String reason;
}
