package dev.jlivepatch.bench.linkage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The agent's own work under the trace: each patch jar is loaded through the MBean while two threads call
 * the patched JDK methods ({@code Integer.rotateLeft}, {@code ArrayList.indexOf}, {@code Double.hashCode}),
 * so that the stubs (static and invokedynamic) run
 * through the transition's slow path; the replacements' first calls link their own call sites; then every
 * patch is disabled and enabled again.
 */
final class AgentSteps {
    private AgentSteps() {
    }

    static void run(String[] jars) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.jlivepatch:type=Livepatch");
        for (int i = 0; i < 1000 && !server.isRegistered(name); i++) {
            Thread.sleep(10); // the agent registers its MBean on a thread of its own just after start
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread th = new Thread(() -> {
                List<Object> list = new ArrayList<>(List.of("a", "b"));
                long sum = 0;
                while (!stop.get()) {
                    sum += Integer.rotateLeft((int) sum, 3) + ((ArrayList<Object>) list).indexOf("b")
                            + Double.hashCode(sum);
                }
                System.out.println("caller done " + (sum & 1));
            }, "linkage-caller-" + t);
            th.start();
            callers.add(th);
        }
        List<String> ids = new ArrayList<>();
        for (String jar : jars) {
            ids.add(call(server, name, "load", jar));
            await(server, name);
        }
        System.out.println("indexOf: " + new ArrayList<>(List.of("x")).indexOf("jlivepatch:1"));
        for (String id : ids) {
            call(server, name, "disable", id);
            await(server, name);
            call(server, name, "enable", id);
            await(server, name);
        }
        stop.set(true);
        for (Thread th : callers) {
            th.join();
        }
        System.out.println("agent steps: " + ids);
    }

    private static String call(MBeanServer server, ObjectName name, String op, String arg) throws Exception {
        return String.valueOf(server.invoke(name, op, new Object[] {arg}, new String[] {String.class.getName()}));
    }

    private static void await(MBeanServer server, ObjectName name) throws Exception {
        Object done = server.invoke(name, "awaitTransition", new Object[] {60_000L}, new String[] {"long"});
        if (!Boolean.TRUE.equals(done)) {
            throw new IllegalStateException("transition not complete");
        }
    }
}
