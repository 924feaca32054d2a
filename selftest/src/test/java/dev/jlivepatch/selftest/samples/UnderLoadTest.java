package dev.jlivepatch.selftest.samples;

import static dev.jlivepatch.selftest.samples.Cycles.ALICE;
import static dev.jlivepatch.selftest.samples.Cycles.LEAK;
import static dev.jlivepatch.selftest.samples.Cycles.PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jlivepatch.selftest.attach.CliRun;
import dev.jlivepatch.selftest.harness.Jars;
import dev.jlivepatch.selftest.harness.Jdk;
import dev.jlivepatch.selftest.harness.Run;
import dev.jlivepatch.selftest.proof.Latencies;
import dev.jlivepatch.selftest.proof.Load;
import dev.jlivepatch.selftest.proof.RemoteAgent;
import dev.jlivepatch.selftest.proof.Timeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample service under a steady loopback load (issue 13, A3). Two copies
 * run side by side: one as shipped (no agent), one with the agent. Four
 * clients (kept-alive HTTP/1.1, closed loop) load them in turn for ROUNDS
 * rounds of SECONDS each, the agent's copy with {@code fixes-cumulative}
 * enabled, which patches both methods on the requests' path: their throughput
 * and latencies. Then the agent's copy takes CYCLES {@link Cycles} (load,
 * disable, enable, upgrade, atomic replace, disable and remove: six transitions
 * each) while it is loaded with the requests whose answers tell the versions
 * apart.
 *
 * <p>Every response must be 200 and right: the answer of a patch state that was
 * in force at some moment between the request being sent and its response
 * received ({@link Timeline}: a command's old and new state from its issue to
 * its transition's completion, one state otherwise). No request may fail.
 * Throughput and latencies are printed (docs/performance.md), not checked: two
 * shared cores cannot hold a 1 % comparison steady.
 *
 * <p>CI: 3 rounds of 2 s, 100 cycles. By hand: {@code -Djlivepatch.proof.load.rounds=R
 * -Djlivepatch.proof.load.seconds=S -Djlivepatch.proof.load.cycles=C}.
 */
class UnderLoadTest {
    private static final Map<String, String> ENV = Map.of();
    private static final int CLIENTS = 4;

    @ParameterizedTest
    @MethodSource("dev.jlivepatch.selftest.harness.Jdk#all")
    void patchCommandsUnderLoadLoseNoRequestAndGiveNoWrongAnswer(Jdk jdk) throws Exception {
        int rounds = Integer.getInteger("jlivepatch.proof.load.rounds", 3);
        long millis = 1000L * Integer.getInteger("jlivepatch.proof.load.seconds", 2);
        int cycles = Integer.getInteger("jlivepatch.proof.load.cycles", 100);
        Path dir = Run.workDir("proof-load-" + jdk);
        Path v1 = SampleService.jar("sample-lookup-fix.jar");
        String patches = "dev.jlivepatch.selftest.patches.proof.";
        Path v2 = Jars.patch(dir.resolve("lookup-fix-v2.jar"), Cycles.LOOKUP_FIX,
                Map.of("Livepatch-Description", "the second version"), patches + "lookupv2");
        Path cumulative = Jars.patch(dir.resolve("cumulative.jar"), Cycles.CUMULATIVE,
                Map.of("Livepatch-Replace", "true"), patches + "cumulative");
        List<String> report = new ArrayList<>();
        try (SampleService plain = SampleService.start(jdk, Run.workDir("proof-load-plain-" + jdk), null, ENV);
             SampleService patched = SampleService.start(jdk, Run.workDir("proof-load-agent-" + jdk), "", ENV);
             RemoteAgent agent = RemoteAgent.of(patched.pid())) {
            agent.load(cumulative.toString());
            agent.await();
            Timeline timeline = new Timeline("cumulative", System.nanoTime());
            Cycles commands = new Cycles(agent, timeline, v1, v2, cumulative);
            Map<String, long[]> windows = new TreeMap<>();
            List<double[]> throughput = new ArrayList<>();
            int done = 0;
            List<Load.Sample> samples;
            try (Load load = new Load(CLIENTS, new String[] {ALICE, PRICE}, plain.port(), patched.port())) {
                load.target(0, ALICE, PRICE); // warm-up, each side
                Thread.sleep(millis);
                load.target(1, ALICE, PRICE);
                Thread.sleep(millis);
                for (int r = 0; r < rounds; r++) {
                    double[] perSecond = new double[2];
                    for (int side = 0; side < 2; side++) {
                        load.target(side, ALICE, PRICE);
                        Thread.sleep(50); // exchanges sent before the switch end meanwhile
                        long t0 = System.nanoTime();
                        Thread.sleep(millis);
                        long t1 = System.nanoTime();
                        windows.put((side == 0 ? "a-plain" : "b-agent") + "-round" + r, new long[] {t0, t1, side});
                        perSecond[side] = within(load.samples(), side, t0, t1).size() / ((t1 - t0) / 1e9);
                    }
                    throughput.add(perSecond);
                }
                load.target(1, LEAK, PRICE);
                commands.dropCumulative();
                long t0 = System.nanoTime();
                Thread.sleep(millis);
                windows.put("c-agent-steady", new long[] {t0, System.nanoTime(), 1});
                t0 = System.nanoTime();
                for (; done < cycles; done++) {
                    commands.run();
                }
                windows.put("d-agent-patching", new long[] {t0, System.nanoTime(), 1});
                Thread.sleep(200);
                samples = load.samples();
            }
            report.add("cycles: " + done + " in " + (windows.get("d-agent-patching")[1] - t0(windows)) / 1_000_000
                    + " ms");
            check(samples, timeline, report);
            for (Map.Entry<String, long[]> w : windows.entrySet()) {
                long[] v = w.getValue();
                report.add(w.getKey() + ": " + Latencies.of(within(samples, (int) v[2], v[0], v[1]),
                        (v[1] - v[0]) / 1e9));
            }
            double[] ratios = throughput.stream().mapToDouble(t -> t[1] / t[0]).toArray();
            report.add("throughput agent / plain by round: " + java.util.Arrays.stream(ratios)
                    .mapToObj(x -> String.format("%.3f", x)).collect(Collectors.joining(" ")) + ", median "
                    + String.format("%.3f", median(ratios)));
            report.add("status: " + agent.patches());
            // What an operator collects from every JVM: the command line's status, through its own channel.
            String status = String.join("", CliRun.run(jdk, "status", patched.pid(), "--json").ok().out);
            assertTrue(status.contains("\"agent\":true") && status.contains("\"patches\":[]"), status);
            agent.close();
            plain.stopCleanly();
            patched.stopCleanly();
        } finally {
            report.forEach(l -> System.out.println(jdk + " load " + l));
        }
    }

    private static long t0(Map<String, long[]> windows) {
        return windows.get("d-agent-patching")[0];
    }

    /** No failed exchange, none answered wrong; and the answers show every state the cycles went through. */
    private static void check(List<Load.Sample> samples, Timeline timeline, List<String> report) {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        long failed = 0;
        for (Load.Sample s : samples) {
            if (s.answer().startsWith("error: ")) {
                failed++;
            }
            Set<String> states = s.service() == 0 ? Set.of("original") : timeline.during(s.sent(), s.received());
            boolean right = false;
            for (String state : states) {
                if (s.answer().equals(Cycles.ANSWERS.get(state).get(s.request()))) {
                    right = true;
                    if (s.service() == 1 && !s.request().equals(ALICE)) {
                        seen.merge(state + " " + (s.request().equals(PRICE) ? "price" : "greet"), 1, Integer::sum);
                    }
                }
            }
            if (!right) {
                wrong.add(s.request() + " -> " + s.answer() + " (states " + states + ")");
            }
        }
        report.add("responses: " + samples.size() + ", failed " + failed + ", wrong " + wrong.size()
                + (wrong.isEmpty() ? "" : " e.g. " + wrong.subList(0, Math.min(5, wrong.size()))));
        report.add("answers by state, agent side: " + seen);
        assertEquals(0, failed, "failed exchanges");
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), "wrong answers");
        for (String state : List.of("original greet", "v1 greet", "v2 greet", "cumulative price")) {
            assertTrue(seen.containsKey(state), () -> "no answer of " + state + " seen: " + seen);
        }
    }

    private static List<Load.Sample> within(List<Load.Sample> samples, int service, long from, long to) {
        return samples.stream().filter(s -> s.service() == service && s.sent() >= from && s.received() <= to)
                .collect(Collectors.toList());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
