package dev.jlivepatch.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import org.junit.jupiter.api.Test;

/** {@code status} shows the last completed transition (issue 9, §3), for people and in the JSON. */
class StatusTest {

    @Test
    void showsTheLastTransition() {
        FakeAgent agent = new FakeAgent().with("fix", true);
        agent.last = new TransitionInfo("fix", "patching", 12.3456, 2, 198, 3, false, false);
        WaitingTest.Result r = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID));
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.says("last transition: patching of 'fix', complete in 12 ms: 2 rounds; 198 threads switched"
                + " themselves, 3 switched by the manager"), r::toString);

        String json = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID), "--json").json();
        assertTrue(json.contains(",\"transition\":null,\"lastTransition\":{\"patch\":\"fix\",\"kind\":\"patching\","
                + "\"durationMillis\":12.346,\"rounds\":2,\"selfSwitched\":198,\"managerSwitched\":3,"
                + "\"reversed\":false,\"forced\":false},\"calls\":null,\"error\":null}"), json);
    }

    @Test
    void oneThreadSwitchedItself() {
        FakeAgent agent = new FakeAgent().with("fix", true);
        agent.last = new TransitionInfo("fix", "patching", 3.8, 1, 1, 12, false, false);
        WaitingTest.Result r = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID));
        assertTrue(r.says("last transition: patching of 'fix', complete in 3.8 ms: 1 round; 1 thread switched"
                + " itself, 12 switched by the manager"), r::toString);
    }

    @Test
    void noTransitionYet() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        String json = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID), "--json").json();
        assertTrue(json.contains("\"lastTransition\":null"), json);
        WaitingTest.Result r = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID));
        assertTrue(r.out().stream().noneMatch(l -> l.startsWith("last transition")), r::toString);
    }

    @Test
    void aReversedOneIsSaidSo() {
        FakeAgent agent = new FakeAgent().with("fix", false);
        agent.last = new TransitionInfo("fix", "unpatching", 3.04, 1, 0, 1, true, false);
        WaitingTest.Result r = WaitingTest.run(agent, "status", String.valueOf(WaitingTest.PID));
        assertTrue(r.says("last transition: unpatching of 'fix' (reversed), complete in 3.0 ms: 1 round; 0 threads"
                + " switched themselves, 1 switched by the manager"), r::toString);
    }
}
