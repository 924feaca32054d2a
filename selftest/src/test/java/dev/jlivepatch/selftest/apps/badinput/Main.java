package dev.jlivepatch.selftest.apps.badinput;

import dev.jlivepatch.selftest.apps.Ctl;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Runs its arguments as steps: {@code call} prints what every target returns;
 * {@code patches} prints the registered patches as {@code id:enabled};
 * {@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID}
 * drive the agent (printed with the jar's file name only).
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Target t = new Target("ann");
        Shape s = new Square();
        Score score = new Score(1);
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            if (op.equals("call")) {
                Ctl.out(t.greet("bob") + ", " + Target.twice(21) + ", " + s.sides() + ", "
                        + new Target("cy").greet("dan") + (score.compareTo(new Score(2)) < 0 ? "" : " !"));
            } else if (op.equals("patches")) {
                Ctl.out("patches " + patches());
            } else {
                Ctl.out(op + " " + Path.of(arg).getFileName());
                Ctl.op(op, arg);
            }
        }
    }

    private static List<String> patches() throws Exception {
        CompositeData[] all = (CompositeData[]) ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("dev.jlivepatch:type=Livepatch"), "Patches");
        List<String> out = new ArrayList<>();
        for (CompositeData p : all) {
            out.add(p.get("id") + ":" + p.get("enabled"));
        }
        return out;
    }
}
