package dev.jlivepatch.agent.internal.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;

/**
 * JDK 21+ (JEP 451): a JVM prints a warning when an agent is loaded into it
 * while it runs, unless it was started with {@code -XX:+EnableDynamicAgentLoading},
 * and refuses such loading when started with {@code -XX:-EnableDynamicAgentLoading}.
 * Read from the target's {@code EnableDynamicAgentLoading} flag and where its
 * value came from, over JMX, before the agent is loaded.
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

    static DynamicLoading of(MBeanServerConnection target, int feature) {
        if (feature < WARNING_SINCE) {
            return SILENT;
        }
        try {
            HotSpotDiagnosticMXBean diag = ManagementFactory.newPlatformMXBeanProxy(target,
                    "com.sun.management:type=HotSpotDiagnostic", HotSpotDiagnosticMXBean.class);
            VMOption flag = diag.getVMOption("EnableDynamicAgentLoading");
            if (!Boolean.parseBoolean(flag.getValue())) {
                return REFUSED;
            }
            return flag.getOrigin() == VMOption.Origin.DEFAULT ? WARNS : SILENT;
        } catch (java.io.IOException | RuntimeException e) {
            return SILENT; // not HotSpot, or no such flag: nothing known to say; a refusal still shows at load
        }
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
