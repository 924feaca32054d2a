package dev.jlivepatch.agent.internal.transition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.jlivepatch.stress.Chain;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The goal flipping ({@link Transition#reverse()}, twice: patching,
 * unpatching, patching again) against a thread switching itself on entry
 * ({@link Transition#patched}), with the real stack walk: the thread
 * calls {@link Chain#outer}, which calls {@link Chain#inner}, both affected.
 *
 * <p>A thread's state may only move while its stack is clean: on entry to
 * {@code outer} (nothing affected below it) it may switch to whatever goal it
 * reads, even one a reversal is about to turn round; on entry to
 * {@code inner}, {@code outer}'s frame is below, so it must run the state
 * {@code outer} ran whatever the goal is by then. Results: r1 = outer's pick,
 * r2 = inner's pick (1 patched, 0 unpatched).
 */
@JCStressTest
@Description("A reversal never makes a thread switch under an affected frame: one call chain, one state")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "the chain ran old code (outer saw the goal reversed, or stayed)")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the chain ran new code (outer switched itself on a clean stack)")
@Outcome(id = {"0, 1", "1, 0"}, expect = FORBIDDEN,
        desc = "inner switched under outer's frame after a reversal: one call chain ran old and new code")
@Outcome(expect = FORBIDDEN, desc = "any other outcome")
@State
public class ReverseVsSelfSwitchTest {
    private final Transition transition = new Transition(true);
    private final int[] picks = new int[2];

    /** A patching transition over the chain's two methods, started. */
    public ReverseVsSelfSwitchTest() {
        transition.affect(Chain.class, Chain.METHODS);
        transition.started();
    }

    /** The application thread: one call chain. */
    @Actor
    public void thread(II_Result r) {
        Chain.outer(transition, picks);
        r.r1 = picks[0];
        r.r2 = picks[1];
    }

    /** The operator: disables the patch mid-transition, then enables it again. */
    @Actor
    public void operator() {
        transition.reverse();
        transition.reverse();
    }
}
