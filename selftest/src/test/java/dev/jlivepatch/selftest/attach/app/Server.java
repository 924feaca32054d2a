package dev.jlivepatch.selftest.attach.app;

import dev.jlivepatch.selftest.apps.basic.Greeter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import javax.management.ObjectName;

/**
 * A long-running target for the attach and command-line tests, started with
 * no agent and no flags. It answers commands on stdin with {@code OUT} lines:
 * {@code call} (what the patchable {@link Greeter} returns), {@code mbeans}
 * (how many jlivepatch MBeans are registered), {@code property} (the agent's
 * version property), {@code runtime} (the loader of the stub runtime as this
 * class's loader finds it), {@code hold} (a thread waits inside {@link Gate#pass()}
 * until {@code release}), {@code gate} (what {@code Gate.pass} runs, once
 * released), {@code greet N} (calls the greeter N times), {@code bytes} (a digest of the class files of
 * {@link Greeter} and {@link Gate} as the JVM has them now, read by the test agent {@code attach.probe.BytesAgent}
 * when the server runs with it), {@code mbean-calls} (the {@code Calls} attribute of the jlivepatch MBean, read
 * as a JMX client reads it), {@code quit}.
 */
public final class Server {
    private static Thread holder;
    private static volatile String held;
    private Server() {
    }

    public static void main(String[] args) throws Exception {
        Greeter g = new Greeter();
        out("ready " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.trim()) {
                case "call" -> out("call " + g.greet("bob") + " " + Greeter.twice(21));
                case "mbeans" -> out("mbeans " + ManagementFactory.getPlatformMBeanServer()
                        .queryNames(new ObjectName("dev.jlivepatch:*"), null).size());
                case "property" -> out("property " + System.getProperty("jlivepatch.agent.version"));
                case "control" -> out("control " + System.getProperty("jlivepatch.agent.control"));
                case "runtime" -> out("runtime " + runtimeLoader());
                case "hold" -> hold();
                case "release" -> release();
                case "gate" -> out("gate " + Gate.pass());
                case "quit" -> {
                    out("bye");
                    return;
                }
                case "bytes" -> out("bytes " + digest(Greeter.class) + " " + digest(Gate.class));
                case "mbean-calls" -> out("mbean-calls " + mbeanCalls());
                default -> {
                    if (line.startsWith("greet ")) {
                        int n = Integer.parseInt(line.substring(6).trim());
                        for (int i = 0; i < n; i++) {
                            g.greet("bob");
                        }
                        out("greet " + n);
                    } else {
                        out("unknown " + line);
                    }
                }
            }
        }
    }

    /** Starts thread 'holder' waiting inside {@link Gate#pass()}; answers its thread id. */
    private static void hold() throws InterruptedException {
        holder = new Thread(() -> {
            try {
                held = Gate.pass();
            } catch (InterruptedException e) {
                held = "interrupted";
            }
        }, "holder");
        holder.setDaemon(true);
        holder.start();
        while (holder.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5); // until it waits inside pass()
        }
        out("hold " + holder.getId());
    }

    /** Opens the gate; answers what the held thread's {@code pass} returned: the code it ran. */
    private static void release() throws InterruptedException {
        Gate.release();
        holder.join(10_000);
        out("release " + held);
    }

    /** The test agent's digest of a class as the JVM would retransform it now, or {@code none} without it. */
    private static String digest(Class<?> c) throws Exception {
        try {
            return (String) Class.forName("dev.jlivepatch.selftest.attach.probe.BytesAgent")
                    .getMethod("digest", Class.class).invoke(null, c);
        } catch (ClassNotFoundException e) {
            return "none";
        }
    }

    /** The MBean's {@code Calls}, as open data: {@code counting=B PATCH METHOD=N ...}. */
    private static String mbeanCalls() throws Exception {
        javax.management.openmbean.CompositeData calls = (javax.management.openmbean.CompositeData)
                ManagementFactory.getPlatformMBeanServer().getAttribute(new ObjectName("dev.jlivepatch:type=Livepatch"),
                        "Calls");
        StringBuilder sb = new StringBuilder("counting=" + calls.get("counting"));
        for (Object o : (Object[]) calls.get("calls")) {
            javax.management.openmbean.CompositeData n = (javax.management.openmbean.CompositeData) o;
            sb.append(' ').append(n.get("patch")).append(' ').append(n.get("method")).append('=')
                    .append(n.get("calls"));
        }
        return sb.toString();
    }

    private static String runtimeLoader() {
        try {
            ClassLoader l = Class.forName("dev.jlivepatch.runtime.Dispatch", false, Server.class.getClassLoader())
                    .getClassLoader();
            return l == null ? "bootstrap" : l.toString();
        } catch (ClassNotFoundException e) {
            return "none";
        }
    }

    private static void out(String line) {
        System.out.println("OUT " + line);
        System.out.flush();
    }
}
