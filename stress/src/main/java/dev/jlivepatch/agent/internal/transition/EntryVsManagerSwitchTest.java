package dev.jlivepatch.agent.internal.transition;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * A thread entering an affected method ({@link ThreadState#enter()}, as the
 * stub does before it picks an entry) against the manager switching it
 * ({@link ThreadState#word()}, a look at its stack, then
 * {@link ThreadState#trySwitch(long, int)} against the word it read), as in
 * {@code Transition.round()}.
 *
 * <p>The stack look is modelled by {@code inMethod}: the owner sets it before
 * {@code enter()} (its frame is on the stack from the call on, before the stub
 * counts the entry) and the manager reads it after its word read. It is a
 * plain field, weaker than the safepoint a real stack trace takes, so the test
 * checks that the entry count alone carries the ordering.
 *
 * <p>Results: r1 = the state the owner's entry picked (0 old, 1 new), r2 = the
 * manager's switch succeeded, r3 = the manager's look saw the frame.
 */
@JCStressTest
@Description("The manager's switch fails whenever the owner entered after the manager read its word")
@Outcome(id = "0, 0, 1", expect = ACCEPTABLE, desc = "owner entered before the look: the manager saw its frame and left it")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE,
        desc = "owner entered between the manager's word read and its switch: the count changed, the switch failed")
@Outcome(id = "1, 1, 0", expect = ACCEPTABLE, desc = "manager switched before the owner's entry: the owner runs new code")
@Outcome(id = "0, 1, 0", expect = FORBIDDEN,
        desc = "owner runs old code in a thread the manager switched after it entered: a mixed call chain")
@Outcome(id = "1, 0, .", expect = FORBIDDEN, desc = "the state moved although nobody switched it")
@Outcome(id = "., 1, 1", expect = FORBIDDEN, desc = "switched although the look saw the frame")
@Outcome(expect = FORBIDDEN, desc = "any other outcome")
@State
public class EntryVsManagerSwitchTest {
    private final ThreadState state = new ThreadState(ThreadState.UNPATCHED);
    private boolean inMethod;

    /** The thread: calls an affected method, whose stub counts the entry and picks by the state. */
    @Actor
    public void owner(III_Result r) {
        inMethod = true;
        r.r1 = ThreadState.state(state.enter());
    }

    /** The manager: reads the word, looks at the stack, switches if clean. */
    @Actor
    public void manager(III_Result r) {
        long seen = state.word();
        boolean frame = inMethod;
        r.r3 = frame ? 1 : 0;
        r.r2 = !frame && ThreadState.state(seen) != ThreadState.PATCHED
                && state.trySwitch(seen, ThreadState.PATCHED) ? 1 : 0;
    }
}
