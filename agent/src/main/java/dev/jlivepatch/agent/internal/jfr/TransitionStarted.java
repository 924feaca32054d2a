package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A transition's snapshots are out: threads start switching to its goal state. */
@Name("dev.jlivepatch.TransitionStarted")
@Label("Transition Started")
@Category("jlivepatch")
@Description("A patching or unpatching transition started: from now on threads switch to its goal state, each"
        + " once no frame of its stack runs code the transition replaces")
@StackTrace(false)
public final class TransitionStarted extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Kind")
    @Description("patching or unpatching: the goal from now on")
    String kind;
    @Label("Reversal")
    @Description("A running transition was turned round (disable while patching, enable while unpatching)")
    boolean reversal;
    @Label("Replaces")
    @Description("The patches the transition replaces, comma-separated")
    String replaces;
}
