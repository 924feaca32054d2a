package dev.jlivepatch.bench;

import javax.management.JMException;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Calls of {@link Target#mix(int)} patched by jlivepatch, as in
 * {@link StubBench}, with the agent counting the replacement's calls
 * ({@code status --calls}): {@code on} measures while counting (the stub runs
 * a bridge that adds one to a {@code LongAdder}, then the replacement);
 * {@code off} switched counting on, ran the method a while so that it was
 * compiled with the counting bridge, and switched it off again before
 * measuring (the call site is back on the plain bridge): what is left once
 * an operator's window has ended. Compare with {@link StubBench} (never
 * counted) in the same run.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = Forks.AGENT_WITH_PATCH)
public class CountingBench extends TargetShapes {
    /** {@code on}: counting while measured; {@code off}: counted before, switched back. */
    @Param({"on", "off"})
    public String counting;

    private long before;

    /** Switches counting as the case asks, and checks that it took. */
    @Setup(Level.Trial)
    public void count() throws JMException {
        Forks.requireAgent();
        LivepatchBean bean = new LivepatchBean();
        bean.countCalls(3_600_000);
        int sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += Target.mix(i); // compiled with the counting bridge
        }
        if (Target.mix(1) != 0x2c1b3c6d || bean.calls() < 200_000 || sum == 42) {
            throw new IllegalStateException("bench-patch.jar is not live or not counted: " + bean.calls());
        }
        if (counting.equals("off")) {
            bean.stopCounting();
        }
        if (bean.counting() != counting.equals("on")) {
            throw new IllegalStateException("counting is not " + counting);
        }
        before = bean.calls();
    }

    /** Checks that calls were counted while on, and not once off. */
    @TearDown(Level.Trial)
    public void check() throws JMException {
        LivepatchBean bean = new LivepatchBean();
        long now = bean.calls();
        if (counting.equals("on") ? now <= before : now != before) {
            throw new IllegalStateException("counting " + counting + ": calls went from " + before + " to " + now);
        }
        bean.stopCounting();
    }
}
