package dev.jlivepatch.selftest.apps.worlds.agents;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jacoco.core.data.ExecutionDataReader;

/**
 * A target that runs next to other agents, started without jlivepatch. It
 * answers commands on stdin with {@code OUT} lines: {@code call} (what the
 * {@link Greeter} returns), {@code probes} (how many of the Greeter's JaCoCo
 * probes ran since the last {@code probes}, read from the JaCoCo agent's own
 * execution data; {@code probes CLASS} those of another class), {@code bb} (the test's ByteBuddy agent retransforms the
 * Greeter again), {@code quit}.
 */
public final class Server {
    private Server() {
    }

    public static void main(String[] args) throws Exception {
        Greeter g = new Greeter();
        out("ready " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String cmd = line.trim();
            if (cmd.startsWith("probes ")) { // probes CLASS: another class's, e.g. one of the agent's
                out(cmd + " " + probes(cmd.substring(7).trim().replace('.', '/')));
                continue;
            }
            switch (cmd) {
                case "call" -> out("call " + g.greet("bob") + " " + Greeter.version());
                case "probes" -> out("probes " + probes(Greeter.class.getName().replace('.', '/')));
                case "bb" -> out("bb " + Class.forName("dev.jlivepatch.selftest.apps.worlds.bbagent.BbAgent")
                        .getMethod("retransform").invoke(null));
                case "quit" -> {
                    out("bye");
                    return;
                }
                default -> out("unknown " + line);
            }
        }
    }

    /** The probes of one class that ran since the last call: JaCoCo's execution data, read and reset. */
    private static String probes(String internalName) throws Exception {
        Object agent = Class.forName("org.jacoco.agent.rt.RT").getMethod("getAgent").invoke(null);
        byte[] data = (byte[]) Class.forName("org.jacoco.agent.rt.IAgent").getMethod("getExecutionData", boolean.class)
                .invoke(agent, true);
        ExecutionDataReader r = new ExecutionDataReader(new ByteArrayInputStream(data));
        String[] hit = {"none"};
        r.setSessionInfoVisitor(s -> { });
        r.setExecutionDataVisitor(d -> {
            if (d.getName().equals(internalName)) {
                int n = 0;
                for (boolean p : d.getProbes()) {
                    n += p ? 1 : 0;
                }
                hit[0] = n + " of " + d.getProbes().length;
            }
        });
        r.read();
        return hit[0];
    }

    private static void out(String line) {
        System.out.println("OUT " + line);
        System.out.flush();
    }
}
