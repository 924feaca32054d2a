package dev.jlivepatch.bench;

/**
 * JVM arguments of the benchmark forks, as compile-time constants for
 * {@code @Fork(jvmArgsAppend = ...)}. Paths are relative to {@code bench/},
 * where the benchmarks must be started.
 */
final class Forks {
    /** The agent jar that {@code mvn package} leaves in agent/. */
    static final String AGENT = "-javaagent:../agent/target/jlivepatch.jar";
    /** The agent with the patch of {@link Target#mix(int)} enabled at start-up. */
    static final String AGENT_WITH_PATCH = AGENT + "=patch=target/bench-patch.jar";
    /** The agent with the patch of {@code java.lang.Integer.rotateLeft(int, int)} enabled at start-up. */
    static final String AGENT_WITH_JDK_PATCH = AGENT + "=patch=target/bench-jdkpatch.jar";
    /** The agent with the patch of {@code java.lang.Double.hashCode(double)} (outside the linkage set) enabled at start-up. */
    static final String AGENT_WITH_JDK_INDY_PATCH = AGENT + "=patch=target/bench-jdkindy.jar";
    /** The agent with the {@code @Original} patch of {@link Checked#mix(int)} enabled at start-up. */
    static final String AGENT_WITH_ORIGINAL_PATCH = AGENT + "=patch=target/bench-original.jar";
    /** Lets ByteBuddyAgent attach to its own JVM without a helper process. */
    static final String SELF_ATTACH = "-Djdk.attach.allowAttachSelf=true";
    /** Same on JDK 21+, where dynamically loaded agents are otherwise warned about. */
    static final String DYNAMIC_AGENTS = "-XX:+EnableDynamicAgentLoading";
    /** Each fork logs its safepoints, for {@link SafepointLog}; the JVM names the file by its pid. */
    static final String SAFEPOINT_LOG = "-Xlog:safepoint:file=target/safepoints-%p.log";

    private Forks() {
    }

    /** Fails the trial when the agent that the fork should have is missing. */
    static void requireAgent() {
        try {
            Class.forName("dev.jlivepatch.runtime.Dispatch", false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jlivepatch agent not loaded: run the benchmarks from bench/", e);
        }
    }
}
