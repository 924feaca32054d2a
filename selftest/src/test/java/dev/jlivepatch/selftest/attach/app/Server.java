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
 * version property), {@code quit}.
 */
public final class Server {
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
                case "quit" -> {
                    out("bye");
                    return;
                }
                default -> out("unknown " + line);
            }
        }
    }

    private static void out(String line) {
        System.out.println("OUT " + line);
        System.out.flush();
    }
}
