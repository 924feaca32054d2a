package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A patch jar was read, passed every check and went on the stack: its patching transition starts now. */
@Name("dev.jlivepatch.PatchLoaded")
@Label("Patch Loaded")
@Category("jlivepatch")
@Description("A patch jar was read, passed every check and was put on the patch stack; its patching"
        + " transition starts")
@StackTrace(false)
public final class PatchLoaded extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Description")
    @Description("The manifest's Livepatch-Description")
    String description;
    @Label("Jar")
    @Description("The patch jar's path as given")
    String jar;
    @Label("SHA-256")
    @Description("The SHA-256 of the jar's bytes, in hex: which build of the patch this is")
    String sha256;
    @Label("Atomic Replace")
    boolean replace;
    @Label("Stack Order")
    int stackOrder;
    @Label("Replaces")
    @Description("The patches it replaces (an atomic replace, or the loaded version it upgrades), comma-separated")
    String replaces;
}
