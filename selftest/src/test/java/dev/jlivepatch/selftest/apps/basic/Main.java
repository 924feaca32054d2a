package dev.jlivepatch.selftest.apps.basic;

import dev.jlivepatch.selftest.apps.Ctl;

/**
 * Runs its arguments as steps: {@code call} prints what the target returns;
 * {@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID} drive the agent, each echoed
 * first (a jar by its file name).
 */
public final class Main {
    public static void main(String[] args) {
        Greeter g = new Greeter();
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            if (op.equals("call")) {
                Ctl.out(g.greet("bob") + " " + Greeter.twice(21));
            } else {
                Ctl.out(op + " " + (op.equals("load") ? java.nio.file.Path.of(arg).getFileName() : arg));
                Ctl.op(op, arg);
            }
        }
    }
}
