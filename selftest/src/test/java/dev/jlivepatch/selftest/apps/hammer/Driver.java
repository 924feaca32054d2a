package dev.jlivepatch.selftest.apps.hammer;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import javax.management.JMException;

/**
 * The main thread's part: loads, enables, disables and removes the patches
 * through the MBean, as the stack's rules allow, for a while. After a
 * command it sometimes sends another at once, while the first one's
 * transition may still run: a command on another patch, which the agent
 * refuses as busy unless that transition is over, or the command that turns
 * the transition round. Then it waits for the transition.
 */
final class Driver {
    private final Stack stack;
    private final Map<String, String> jars;
    private final Problems errors;
    private final Random random = new Random(8);
    /** Set from a command until its transition is over: a class loading meanwhile loads during a transition. */
    volatile boolean busy;
    int commands;
    int refusedBusy;
    int turnedRound;

    Driver(Stack stack, Map<String, String> jars, Problems errors) {
        this.stack = stack;
        this.jars = jars;
        this.errors = errors;
    }

    /**
     * Drives for {@code millis}, then on until {@code enough} holds (a loaded machine reads and loads less in
     * the same time), but never longer than four times {@code millis}.
     */
    void run(long millis, BooleanSupplier enough) throws JMException {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long cap = start + 4 * millis * 1_000_000;
        while (errors.count() == 0 && System.nanoTime() < cap
                && (System.nanoTime() < end || commands < 8 || !enough.getAsBoolean())) {
            busy = true;
            Stack.Op first = pick();
            send(first, false);
            double r = random.nextDouble();
            if (r < 0.3) {
                send(pick(), true);
            } else if (r < 0.5 && Stack.reverse(first) != null) {
                send(Stack.reverse(first), false);
                turnedRound++;
            }
            if (!Mbean.awaitTransition(30_000)) {
                errors.add("transition still running after 30 s; blocked by " + List.of(Mbean.blockers()));
            }
            busy = false;
            pause(random.nextInt(30)); // classes load between transitions too
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Stack.Op pick() {
        List<Stack.Op> ops = stack.allowed();
        return ops.get(random.nextInt(ops.size()));
    }

    /** Sends a command; refused, it is an error, unless {@code mayBeBusy} and a transition still ran. */
    private void send(Stack.Op op, boolean mayBeBusy) throws JMException {
        commands++;
        String refusal = Mbean.op(op.name(), op.name().equals("load") ? jars.get(op.id()) : op.id());
        if (refusal == null) {
            stack.apply(op);
        } else if (mayBeBusy && (refusal.contains(" now: patch '")
                || refusal.contains("transition; wait for it to complete before removing it"))) {
            refusedBusy++;
        } else {
            errors.add(op + " refused: " + refusal);
        }
    }
}
