package dev.jlivepatch.selftest.samples;

import dev.jlivepatch.selftest.proof.RemoteAgent;
import dev.jlivepatch.selftest.proof.Timeline;
import java.nio.file.Path;
import java.util.Map;

/**
 * One cycle of the patch commands the sample service takes under load, each
 * through the agent's MBean and awaited, recorded on a {@link Timeline}:
 * <ol>
 * <li>{@code load} the sample's {@code greeting-lookup-fix} (state {@code v1});
 * <li>{@code disable} it ({@code original}), {@code enable} it again ({@code v1});
 * <li>upgrade: {@code load} its second version, the same id with other content ({@code v2});
 * <li>atomic replace: {@code load} {@code fixes-cumulative} ({@code Livepatch-Replace: true}), which carries
 *     the second version's lookup fix and the VAT fix ({@code cumulative});
 * <li>{@code disable} and {@code remove} it ({@code original}).
 * </ol>
 */
final class Cycles {
    static final String LEAK = "/greet?name=%24%7Bsys%3Adb.password%7D";
    static final String PRICE = "/price?cents=1999&vat=20";
    static final String ALICE = "/greet?name=alice";
    static final String LOOKUP_FIX = "greeting-lookup-fix";
    static final String CUMULATIVE = "fixes-cumulative";

    private static final String LEAKED = "200 Hello, hunter2! Welcome to sample-service.";
    private static final String V1 = "200 Hello, ${sys:db.password}! Welcome to sample-service.";
    private static final String V2 = "200 Hello, $ {sys:db.password}! Welcome to sample-service.";
    private static final String NO_VAT = "200 19.99 + 20% VAT = 19.99";
    private static final String VAT = "200 19.99 + 20% VAT = 23.99";
    private static final String HELLO_ALICE = "200 Hello, alice! Welcome to sample-service.";

    /** What each state answers to each request. */
    static final Map<String, Map<String, String>> ANSWERS = Map.of(
            "original", Map.of(LEAK, LEAKED, PRICE, NO_VAT, ALICE, HELLO_ALICE),
            "v1", Map.of(LEAK, V1, PRICE, NO_VAT, ALICE, HELLO_ALICE),
            "v2", Map.of(LEAK, V2, PRICE, NO_VAT, ALICE, HELLO_ALICE),
            "cumulative", Map.of(LEAK, V2, PRICE, VAT, ALICE, HELLO_ALICE));

    private final RemoteAgent agent;
    private final Timeline timeline;
    private final Path v1;
    private final Path v2;
    private final Path cumulative;

    Cycles(RemoteAgent agent, Timeline timeline, Path v1, Path v2, Path cumulative) {
        this.agent = agent;
        this.timeline = timeline;
        this.v1 = v1;
        this.v2 = v2;
        this.cumulative = cumulative;
    }

    /** Runs one cycle, from and back to the original code; fails if a command fails or the stack is not empty after. */
    void run() throws Exception {
        step("v1", () -> agent.load(v1.toString()));
        step("original", () -> agent.disable(LOOKUP_FIX));
        step("v1", () -> agent.enable(LOOKUP_FIX));
        step("v2", () -> agent.load(v2.toString()));
        step("cumulative", () -> agent.load(cumulative.toString()));
        step("original", () -> agent.disable(CUMULATIVE));
        agent.remove(CUMULATIVE);
        String left = agent.patches();
        if (!left.equals("none")) {
            throw new IllegalStateException("after a cycle the stack holds " + left);
        }
    }

    /** Disables and removes the cumulative patch enabled before the cycles (state {@code original} after). */
    void dropCumulative() throws Exception {
        step("original", () -> agent.disable(CUMULATIVE));
        agent.remove(CUMULATIVE);
    }

    private interface Command {
        void run() throws Exception;
    }

    private void step(String next, Command command) throws Exception {
        long issued = System.nanoTime();
        command.run();
        agent.await();
        timeline.transition(next, issued, System.nanoTime());
    }
}
