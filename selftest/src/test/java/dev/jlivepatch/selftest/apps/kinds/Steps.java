package dev.jlivepatch.selftest.apps.kinds;

import dev.jlivepatch.selftest.apps.Ctl;
import java.util.Map;

/**
 * Runs a fixture app's arguments as steps: a name from {@code actions} runs that action;
 * {@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID} drive the agent and
 * print {@code OUT op arg} (a jar by its file name).
 */
public final class Steps {
    private Steps() {
    }

    public static void run(String[] args, Map<String, Runnable> actions) {
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            Runnable action = actions.get(op);
            if (action != null) {
                action.run();
            } else {
                Ctl.out(op + " " + (op.equals("load") ? arg.substring(arg.lastIndexOf('/') + 1) : arg));
                Ctl.op(op, arg);
            }
        }
    }

    /** Prints {@code OUT what: value}, or the exception the value threw as {@code !Class: message}. */
    public static void show(String what, java.util.concurrent.Callable<?> value) {
        Object v;
        try {
            v = value.call();
            if (v instanceof Object[] a) {
                v = java.util.Arrays.deepToString(a);
            } else if (v instanceof long[] a) {
                v = java.util.Arrays.toString(a);
            } else if (v instanceof int[] a) {
                v = java.util.Arrays.toString(a);
            }
        } catch (Exception e) {
            v = "!" + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Ctl.out(what + ": " + v);
    }
}
