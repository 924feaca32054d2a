package dev.jlivepatch.runtime;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A stub's slow path ({@link FuncSite#select()}) against the manager publishing
 * a transition's snapshot, then the steady one: {@code inTransition(P1, U1,
 * all patched)} at first, then {@code inTransition(P2, U2, none patched)},
 * then {@code steady(P3)}. Each snapshot's transition gives a different
 * answer, so a read that combined the transition of one snapshot with the
 * entries of another would return U1 (-1) or P2 (2), which no single snapshot
 * gives. Results: two reads in a row, r1 then r2, each the tag of the entry
 * picked: 1 (P1), -2 (U2) or 3 (P3).
 */
@JCStressTest
@Description("select() sees whole snapshots, never older than one it saw before")
@Outcome(id = {"1, 1", "1, -2", "1, 3", "-2, -2", "-2, 3", "3, 3"}, expect = ACCEPTABLE,
        desc = "whole snapshots, in publication order")
@Outcome(id = {"-1, .*", ".*, -1", "2, .*", ".*, 2"}, expect = FORBIDDEN,
        desc = "torn: one snapshot's transition applied to another's entries")
@Outcome(id = {"-2, 1", "3, 1", "3, -2"}, expect = FORBIDDEN, desc = "a later read saw an older snapshot")
@Outcome(expect = FORBIDDEN, desc = "any other outcome")
@State
public class SnapshotSelectTest {
    private final FuncSite site = new FuncSite("Target.m()V");
    private final Snapshot second = Snapshot.inTransition(new Entries.Entry(2), new Entries.Entry(-2), Entries.NONE_PATCHED);
    private final Snapshot third = Snapshot.steady(new Entries.Entry(3));

    /** The site in its first transition snapshot. */
    public SnapshotSelectTest() {
        site.publish(Snapshot.inTransition(new Entries.Entry(1), new Entries.Entry(-1), Entries.ALL_PATCHED));
    }

    /** The manager: a new transition snapshot, then the steady one. */
    @Actor
    public void manager() {
        site.publish(second);
        site.publish(third);
    }

    /** A thread entering the method twice through the slow path. */
    @Actor
    public void thread(II_Result r) {
        r.r1 = Entries.tag(site.select());
        r.r2 = Entries.tag(site.select());
    }
}
