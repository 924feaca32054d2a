package dev.jlivepatch.selftest.apps;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The one runner of the fixture applications' steps: each argument is a step,
 * {@code NAME} or {@code NAME:ARG}. A name the application gives an action
 * runs it; the agent's verbs are common to every application:
 * {@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID},
 * {@code force:ID}, each echoed first ({@code OUT [prefix]op arg}, a jar by
 * its file name) and carried out
 * through the agent's MBean ({@link Ctl}), which prints {@code OUT refused: ...}
 * when the agent refuses.
 */
public final class Steps {
    /** An application's step: what it does with the step's argument (empty when there is none). */
    public interface Step {
        void run(String arg) throws Exception;
    }

    private final Map<String, Step> actions;
    private String prefix = "";

    private Steps(Map<String, Step> actions) {
        this.actions = actions;
    }

    /** Steps with the application's own actions. */
    public static Steps of(Map<String, Step> actions) {
        return new Steps(actions);
    }

    /** Echoes the agent's verbs as {@code OUT PREFIXop arg} (the lifecycle apps echo them as the kernel's selftests echo commands: {@code % }). */
    public Steps echo(String echoPrefix) {
        this.prefix = echoPrefix;
        return this;
    }

    /** Runs every step in order. */
    public void run(String[] args) throws Exception {
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            Step action = actions.get(op);
            if (action != null) {
                action.run(arg);
            } else {
                agent(op, arg);
            }
        }
    }

    private void agent(String op, String arg) {
        boolean jar = op.equals("load");
        Ctl.out(prefix + op + " " + (jar ? Path.of(arg).getFileName() : arg));
        Ctl.op(op, arg);
    }

    /** Runs steps whose actions take no argument (the {@code kinds} applications). */
    public static void run(String[] args, Map<String, Runnable> actions) {
        Map<String, Step> steps = new java.util.HashMap<>();
        actions.forEach((k, v) -> steps.put(k, arg -> v.run()));
        try {
            of(steps).run(args);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints {@code OUT what: value}, or the exception the value threw as {@code !Class: message}. */
    public static void show(String what, Callable<?> value) {
        Object v;
        try {
            v = value.call();
            if (v instanceof Object[] a) {
                v = Arrays.deepToString(a);
            } else if (v instanceof long[] a) {
                v = Arrays.toString(a);
            } else if (v instanceof int[] a) {
                v = Arrays.toString(a);
            }
        } catch (Exception e) {
            v = "!" + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Ctl.out(what + ": " + v);
    }
}
