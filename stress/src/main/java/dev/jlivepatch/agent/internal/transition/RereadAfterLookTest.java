package dev.jlivepatch.agent.internal.transition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Control for {@link EntryVsManagerSwitchTest}: the same actors, but the
 * manager reads the word <em>after</em> its look, the order the real manager
 * must not use. The outcome that test forbids ({@code 0, 1, 0}: the owner runs
 * old code in a thread switched after it entered) is reachable here and marked
 * interesting: when it shows, it proves that this harness reaches the window
 * between the look and the switch, so {@link EntryVsManagerSwitchTest} passing
 * means something.
 */
@JCStressTest
@Description("Control: reading the word after the stack look lets a switch slip past an entry")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "owner entered before the look")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE, desc = "owner entered between the word read and the switch")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "manager switched before the owner's entry")
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE_INTERESTING,
        desc = "the bug this order has: owner entered between the look and the word read, and was switched under its old frame")
@Outcome(expect = FORBIDDEN, desc = "any other outcome")
@State
public class RereadAfterLookTest {
    private final ThreadState state = new ThreadState(ThreadState.UNPATCHED);
    private boolean inMethod;

    /** The thread, as in {@link EntryVsManagerSwitchTest}. */
    @Actor
    public void owner(III_Result r) {
        inMethod = true;
        r.r1 = ThreadState.state(state.enter());
    }

    /** A wrong manager: looks, then reads the word it switches against. */
    @Actor
    public void manager(III_Result r) {
        boolean frame = inMethod;
        long seen = state.word();
        r.r3 = frame ? 1 : 0;
        r.r2 = !frame && ThreadState.state(seen) != ThreadState.PATCHED
                && state.trySwitch(seen, ThreadState.PATCHED) ? 1 : 0;
    }
}
