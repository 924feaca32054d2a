package dev.jlivepatch.selftest.apps.kinds.jdk;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * {@code call} shows the patched JDK methods; {@code work} leans on the JDK (threads, streams,
 * lambdas, reflection, JMX) and checks every answer of HashMap.get and ArrayList.size;
 * {@code widget} calls an application method.
 */
public final class Main {
    static final String PROBE = "jlivepatch:probe";

    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("call", Main::call, "work", Main::work,
                "widget", () -> show("widget", () -> new Widget().name())));
    }

    static void call() {
        show("Integer.toHexString", () -> Integer.toHexString(255));
        show("Object.toString uses it", () -> String.valueOf(new Object()).contains("@0x"));
        Map<String, String> m = new HashMap<>(Map.of("k", "v"));
        show("HashMap.get", () -> m.get("k"));
        show("HashMap.get missing", () -> m.get("nope"));
        show("HashMap.get probe", () -> m.get(PROBE));
        show("LinkedHashMap.get probe", () -> new LinkedHashMap<>(m).get(PROBE));
        show("ArrayList.size", () -> new ArrayList<>(List.of(1, 2, 3)).size());
        show("ArrayList.size probe", () -> new ArrayList<>(List.of(PROBE)).size());
    }

    static void work() {
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            threads.add(new Thread(() -> {
                Map<Integer, String> map = new HashMap<>();
                List<Integer> list = new ArrayList<>();
                int expected = 0;
                for (int i = 0; i < 50_000; i++) {
                    int k = (i * 31 + seed) % 1000;
                    map.put(k, "v" + k);
                    list.add(k);
                    expected++;
                    if (!("v" + k).equals(map.get(k)) || map.get(-1 - k) != null || list.size() != expected) {
                        wrong.incrementAndGet();
                    }
                    if (expected == 100) {
                        list.subList(0, 50).clear();
                        expected = 50;
                        if (list.size() != expected) {
                            wrong.incrementAndGet();
                        }
                    }
                }
            }, "worker-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        List<Integer> big = IntStream.range(0, 100_000).boxed().collect(Collectors.toCollection(ArrayList::new));
        long sum = big.parallelStream().mapToLong(Integer::longValue).sum();
        Map<String, List<Integer>> groups = big.stream()
                .collect(Collectors.groupingBy(i -> "g" + (i % 3), HashMap::new, Collectors.toList()));
        String formatted = String.format("%s/%d/%x", "f", 42, 255);
        String reflected;
        try {
            reflected = Class.forName("java.util.concurrent.Phaser").getMethod("register").getName();
        } catch (ReflectiveOperationException e) {
            reflected = e.toString();
        }
        Ctl.out("work: wrong=" + wrong.get() + " sum=" + sum + " groups=" + groups.size() + ":"
                + groups.get("g1").size() + " format=" + formatted + " reflect=" + reflected
                + " patches=" + patchIds());
    }

    /** The agent's MBean, read through the MXBean machinery (itself full of HashMap and ArrayList). */
    static List<String> patchIds() {
        try {
            CompositeData[] patches = (CompositeData[]) Ctl.server()
                    .getAttribute(new ObjectName("dev.jlivepatch:type=Livepatch"), "Patches");
            List<String> ids = new ArrayList<>();
            for (CompositeData p : patches) {
                ids.add(p.get("id") + "=" + p.get("enabled"));
            }
            Collections.sort(ids);
            return ids;
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }
}
