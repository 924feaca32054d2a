package dev.jlivepatch.agent.internal.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * JDK 21+ (JEP 451): a JVM prints a warning when an agent is loaded into it
 * while it runs, unless it was started with {@code -XX:+EnableDynamicAgentLoading},
 * and refuses such loading when started with {@code -XX:-EnableDynamicAgentLoading}.
 * Read from the target's {@code EnableDynamicAgentLoading} flag and where its
 * value came from, with the diagnostic command {@code VM.flags -all} over the
 * attach connection (as {@code jcmd} does), before the agent is loaded. The
 * JDK's attach classes that run it are opened to the command line by its
 * manifest ({@code Add-Exports: jdk.attach/sun.tools.attach}).
 */
enum DynamicLoading {
    /** Loading is allowed without a warning (JDK 17-20, or the flag given). */
    SILENT,
    /** Loading works, and the JVM prints a warning about it. */
    WARNS,
    /** The JVM refuses to load agents while it runs. */
    REFUSED;

    /** The first JDK that warns. */
    static final int WARNING_SINCE = 21;

    static DynamicLoading of(VirtualMachine vm, int feature) {
        if (feature < WARNING_SINCE) {
            return SILENT;
        }
        try {
            Method jcmd = Class.forName("sun.tools.attach.HotSpotVirtualMachine").getMethod("executeJCmd",
                    String.class);
            java.io.ByteArrayOutputStream flags = new java.io.ByteArrayOutputStream();
            try (InputStream in = (InputStream) jcmd.invoke(vm, "VM.flags -all")) {
                // In small reads from offset 0, as jcmd does: the attach stream mishandles a read at an offset.
                byte[] b = new byte[256];
                for (int n = in.read(b); n > 0; n = in.read(b)) {
                    flags.write(b, 0, n);
                }
            }
            return parse(flags.toString(StandardCharsets.UTF_8));
        } catch (ReflectiveOperationException | java.io.IOException | RuntimeException e) {
            return SILENT; // not HotSpot, or not reachable: nothing known to say; a refusal still shows at load
        }
    }

    /**
     * Reads the flag's line of {@code VM.flags -all}, e.g.
     * {@code bool EnableDynamicAgentLoading = true {product} {default}}.
     */
    static DynamicLoading parse(String flags) {
        for (String line : flags.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[1].equals("EnableDynamicAgentLoading") && f[2].equals("=")) {
                if (!Boolean.parseBoolean(f[3])) {
                    return REFUSED;
                }
                return line.contains("{default}") ? WARNS : SILENT;
            }
        }
        return SILENT;
    }

    /** What to tell the user when the target warns. */
    static String notice(long pid, int feature) {
        return "JVM " + pid + " runs Java " + feature + " and was not started with -XX:+EnableDynamicAgentLoading,"
                + " so it prints a warning that a Java agent was loaded dynamically; the agent works all the same."
                + " That flag only silences the warning; a future JDK may refuse to load agents into a running JVM"
                + " unless it is given, so start JVMs you mean to patch by attach with -XX:+EnableDynamicAgentLoading";
    }

    /** Why the agent cannot be loaded into a JVM that refuses dynamic loading. */
    static String refusal(long pid) {
        return "JVM " + pid + " was started with -XX:-EnableDynamicAgentLoading and refuses agents while it runs:"
                + " restart it with -XX:+EnableDynamicAgentLoading, or with -javaagent:jlivepatch.jar to patch it"
                + " from startup";
    }
}
