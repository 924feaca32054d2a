package dev.jlivepatch.agent.internal.transition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.runtime.FuncSite;
import dev.jlivepatch.testapp.Handler;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * When a thread switches itself (issue 9): the next time it enters an affected
 * method with nothing old below it, whatever its callees found before.
 */
class SelfSwitchTest {

    private static Transition patching() {
        Transition t = new Transition(true);
        t.affect(Handler.class, Handler.METHODS);
        t.started();
        Handler.states = t;
        return t;
    }

    @Test
    void aCallerEnteredAgainRightAfterItsCalleeFoundItOldSwitches() {
        Transition t = patching();
        // Inside a caller entered before the transition: its callee finds the old caller below and stays old.
        assertEquals(0, Handler.caller(false));
        // The caller's next entry, microseconds later, has a clean stack: it walks and switches, the callee follows.
        assertEquals(3, Handler.caller(true));
        assertEquals(1, t.tally().selfSwitched());
    }

    @Test
    void aCallerThatKeepsFindingOldCalleesStillSwitchesOnItsNextCleanEntry() {
        patching();
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, Handler.caller(false)); // callee entries inside old callers, over and over
        }
        assertEquals(3, Handler.caller(true));
    }

    @Test
    void quietTimeIsPerMethod() {
        ThreadState s = new ThreadState(ThreadState.UNPATCHED);
        long now = 1_000_000_000L;
        assertTrue(s.mayWalk(Handler.CALLEE, now));
        s.dirty(Handler.CALLEE, now);
        assertFalse(s.mayWalk(Handler.CALLEE, now + 1), "the callee's entries are quiet for a while");
        assertTrue(s.mayWalk(Handler.CALLER, now + 1), "the caller's are not");
        assertTrue(s.mayWalk(Handler.CALLEE, now + 20_000), "the quiet time starts at 20 µs");
        s.dirty(Handler.CALLEE, now + 20_000);
        assertFalse(s.mayWalk(Handler.CALLEE, now + 59_999), "and doubles");
        assertTrue(s.mayWalk(Handler.CALLEE, now + 60_000));
        for (int i = 0; i < 20; i++) {
            s.dirty(Handler.CALLEE, now);
        }
        assertFalse(s.mayWalk(Handler.CALLEE, now + 999_999), "up to 1 ms");
        assertTrue(s.mayWalk(Handler.CALLEE, now + 1_000_000));
        s.exempt(Handler.class.getName() + ".callee");
        assertTrue(s.mayWalk(Handler.CALLEE, now + 1), "a method the manager exempts always walks");
        s.checking = true;
        assertFalse(s.mayWalk(Handler.CALLER, now + 1), "never during the thread's own walk");
        s.checking = false;
        s.switched();
        assertTrue(s.mayWalk(Handler.RECURSE, now + 1));
    }

    @Test
    void manySitesAreTracked() {
        ThreadState s = new ThreadState(ThreadState.UNPATCHED);
        long now = 5_000_000L;
        FuncSite[] sites = new FuncSite[100];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = new FuncSite("x.Y.m" + i + "()V");
            s.dirty(sites[i], now);
        }
        assertFalse(s.mayWalk(sites[0], now + 1));
        assertFalse(s.mayWalk(sites[62], now + 1));
        assertTrue(s.mayWalk(Handler.CALLER, now + 1));
    }

    /**
     * A recursive method: its inner entries find the outer, old call below and
     * set its quiet time, which could hold back its next, clean entry. A
     * manager round that sees the thread blocked with the method outermost
     * exempts it: from then its entries walk, and the next clean one switches.
     */
    @Test
    void theManagerExemptsTheOutermostAffectedMethod() {
        Transition t = patching();
        AtomicBoolean roundDone = new AtomicBoolean(true);
        Runnable round = () -> {
            Thread m = new Thread(() -> roundDone.set(t.round()), "manager");
            m.start();
            try {
                m.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            // The method's entries are quiet for this thread, for long (as if its inner entries kept finding
            // the old outer call): only the manager's exemption can make the next entry walk.
            t.stateOf(Thread.currentThread()).dirty(Handler.RECURSE, System.nanoTime() + 60_000_000_000L);
        };
        // Three deep, the outermost entered before the transition: old throughout; the round sees it blocked.
        assertEquals(0, Handler.recurse(2, false, round));
        assertFalse(roundDone.get());
        assertTrue(t.blockers().stream().anyMatch(b -> b.thread().equals(Thread.currentThread().getName())),
                () -> t.blockers().toString());
        assertEquals(1, Handler.recurse(0, true, () -> { }), "the next entry walks, and switches");
    }
}
