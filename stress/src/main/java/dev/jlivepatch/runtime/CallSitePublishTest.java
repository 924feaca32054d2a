package dev.jlivepatch.runtime;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.invoke.MethodHandle;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The fast path: a stub calls the func site's {@code MutableCallSite}, whose
 * target is a constant outside a transition and {@link FuncSite#select()}
 * during one, while the manager publishes {@code steady(P1)} (at first), then
 * {@code inTransition(P2, U2, none patched)}, then {@code steady(P3)}, and
 * syncs the call site, as a transition's start and completion do.
 * {@link FuncSite#publish} writes the snapshot before the call-site target.
 *
 * <p>What the stubs rely on: a call returns an entry of one published
 * snapshot (P2 would mean the transition snapshot's patched entry reached a
 * thread whose state says unpatched), and a later call never returns an older
 * snapshot's entry than an earlier one. The call-site target is a plain field
 * (the JMM does not order it); HotSpot's {@code setTarget} deoptimises the
 * code that folded the old target, and the snapshot is volatile. Results: two
 * calls in a row, each the tag of the entry run: 1 (P1), -2 (U2), 3 (P3).
 */
@JCStressTest
@Description("A stub's call through the call site sees whole snapshots, in publication order")
@Outcome(id = {"1, 1", "1, -2", "1, 3", "-2, -2", "-2, 3", "3, 3"}, expect = ACCEPTABLE,
        desc = "whole snapshots, in publication order")
@Outcome(id = {"2, .*", ".*, 2", "0, .*", ".*, 0"}, expect = FORBIDDEN,
        desc = "an entry no thread should run: the transition's patched entry, or the original body")
@Outcome(id = {"-2, 1", "3, 1", "3, -2"}, expect = FORBIDDEN, desc = "a later call ran an older snapshot's entry")
@Outcome(expect = FORBIDDEN, desc = "any other outcome")
@State
public class CallSitePublishTest {
    private final FuncSite site = new FuncSite("Target.m()V");
    private final FuncSite[] sites = {site};
    private final MethodHandle stub = site.callSite().dynamicInvoker();
    private final Snapshot second = Snapshot.inTransition(new Entries.Entry(2), new Entries.Entry(-2), Entries.NONE_PATCHED);
    private final Snapshot third = Snapshot.steady(new Entries.Entry(3));

    /** The site in a steady state. */
    public CallSitePublishTest() {
        site.publish(Snapshot.steady(new Entries.Entry(1)));
        FuncSite.sync(sites);
    }

    /** The manager: a transition starts, then completes. */
    @Actor
    public void manager() {
        site.publish(second);
        FuncSite.sync(sites);
        site.publish(third);
        FuncSite.sync(sites);
    }

    /** A thread calling the method twice through its stub. */
    @Actor
    public void thread(II_Result r) {
        r.r1 = Entries.tag(call());
        r.r2 = Entries.tag(call());
    }

    private Object call() {
        try {
            return (Object) stub.invokeExact();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }
}
