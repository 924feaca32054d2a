package dev.jlivepatch.selftest.apps.badinput;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Runs its arguments as steps: {@code call} prints what every target returns;
 * {@code patches} prints the registered patches as {@code id:enabled};
 * the agent's verbs ({@link Steps}) drive the agent.
 */
public final class Main {
    public static void main(String[] args) throws Exception {
        Target t = new Target("ann");
        Shape s = new Square();
        Score score = new Score(1);
        Steps.of(Map.of(
                "call", arg -> Ctl.out(t.greet("bob") + ", " + Target.twice(21) + ", " + s.sides() + ", "
                        + new Target("cy").greet("dan") + (score.compareTo(new Score(2)) < 0 ? "" : " !")),
                "patches", arg -> Ctl.out("patches " + patches()))).run(args);
    }

    private static List<String> patches() throws Exception {
        CompositeData[] all = (CompositeData[]) Ctl.server()
                .getAttribute(new ObjectName("dev.jlivepatch:type=Livepatch"), "Patches");
        List<String> out = new ArrayList<>();
        for (CompositeData p : all) {
            out.add(p.get("id") + ":" + p.get("enabled"));
        }
        return out;
    }
}
