package dev.jlivepatch.selftest.apps.proof;

import dev.jlivepatch.fuzztest.app.Target;
import dev.jlivepatch.selftest.apps.Ctl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every jar of a directory (the fuzz corpus) through the agent's MBean,
 * one after the other, while a thread calls the target without pause. For
 * each jar prints {@code OUT load FILE}, then {@code OUT refused: REASON} or
 * {@code OUT applied, answers ANSWER, enabled=true transition=none} (an
 * applied jar is then disabled and removed), and {@code OUT left ...} if the
 * target or the status is not as before afterwards. Ends with {@code OUT alive: N calls, M wrong answers}: every
 * answer must be the original's or a seed's.
 */
public final class FuzzMain {
    private static final Set<String> ANSWERS = Set.of("hello bob", "fuzz bob", "fuzz hello bob");

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicLong calls = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        String[] lastWrong = new String[1];
        Thread caller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                String a;
                try {
                    a = Target.greet("bob");
                } catch (Throwable t) {
                    a = "threw " + t;
                }
                calls.incrementAndGet();
                if (!ANSWERS.contains(a)) {
                    wrong.incrementAndGet();
                    lastWrong[0] = a;
                }
            }
        }, "caller");
        caller.setDaemon(true);
        caller.start();
        List<Path> jars;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
        }
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            Ctl.out("load " + name);
            if (Ctl.op("load", jar.toString())) { // else it printed "OUT refused: REASON"
                Ctl.awaitTransition(30_000);
                String answer = Target.greet("bob");
                String ids = Ctl.ids();
                String id = ids.substring(ids.indexOf(':') + 1);
                Ctl.out("applied, answers " + answer + ", " + Ctl.state(id));
                Ctl.disable(id);
                Ctl.awaitTransition(30_000);
                Ctl.remove(id);
            }
            String after = Target.greet("bob");
            if (!after.equals("hello bob") || !Ctl.ids().equals("none")) {
                Ctl.out("left " + after + ", patches " + Ctl.ids());
            }
        }
        caller.interrupt();
        caller.join(10_000);
        Ctl.out("alive: " + (calls.get() > 0 ? "calls made" : "no calls") + ", " + wrong.get() + " wrong answers"
                + (lastWrong[0] == null ? "" : " (last: " + lastWrong[0] + ")"));
    }
}
