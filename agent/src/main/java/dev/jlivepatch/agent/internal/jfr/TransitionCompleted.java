package dev.jlivepatch.agent.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A transition completed. The event spans the transition: its start time is
 * when the transition started, its duration how long the threads took to switch.
 */
@Name("dev.jlivepatch.TransitionCompleted")
@Label("Transition Completed")
@Category("jlivepatch")
@Description("A transition completed: every thread runs its goal state's code. The event's duration is the"
        + " transition's, from its start")
@StackTrace(false)
public final class TransitionCompleted extends jdk.jfr.Event {
    @Label("Patch Id")
    String patchId;
    @Label("Kind")
    @Description("patching or unpatching: the state every thread ended in")
    String kind;
    @Label("Reversed")
    @Description("The transition was turned round on its way")
    boolean reversed;
    @Label("Forced")
    @Description("Completed without the consistency check")
    boolean forced;
    @Label("Rounds")
    @Description("How many times the transition manager inspected the threads")
    int rounds;
    @Label("Blocking Threads")
    @Description("How many threads blocked the transition at some round")
    int blockingThreads;
    @Label("Blockers")
    @Description("Each thread that blocked the transition, and the frame it was in when first seen, one a line")
    String blockers;
}
