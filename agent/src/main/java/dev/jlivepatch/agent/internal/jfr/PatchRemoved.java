package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A disabled patch left the stack (the kernel's rmmod). */
@Name("dev.jlivepatch.PatchRemoved")
@Label("Patch Removed")
@Category("jlivepatch")
@Description("A disabled patch left the patch stack")
@StackTrace(false)
public final class PatchRemoved extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Reason")
    @Description("removed; replaced by 'ID'; or a new version of it took its place")
    String reason;
}
