package dev.jlivepatch.selftest.apps.basic;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.Map;

/**
 * Runs its arguments as steps: {@code call} prints what the target returns;
 * the agent's verbs ({@link Steps}) drive the agent, each echoed first (a jar by its file name).
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Greeter g = new Greeter();
        Steps.of(Map.of("call", arg -> Ctl.out(g.greet("bob") + " " + Greeter.twice(21)))).run(args);
    }
}
