package dev.jlivepatch.agent.internal.cli;

/**
 * Which target JVMs the agent can run in, from the target's
 * {@code java.specification.version}, read over attach before anything is loaded.
 */
final class JavaVersion {
    /** The agent is compiled for Java 17 (class files version 61). */
    static final int MINIMUM = 17;

    private JavaVersion() {
    }

    /**
     * The feature release named by a {@code java.specification.version}:
     * {@code 1.8} is 8, {@code 17} is 17.
     *
     * @return the release, or -1 when the text is not a version
     */
    static int feature(String spec) {
        if (spec == null) {
            return -1;
        }
        String s = spec.trim();
        if (s.startsWith("1.")) {
            s = s.substring(2);
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            s = s.substring(0, dot);
        }
        try {
            int n = Integer.parseInt(s);
            return n > 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Why the agent cannot be loaded into a JVM of this version, or null when it can. */
    static String refusal(long pid, String spec) {
        int feature = feature(spec);
        if (feature < 0) {
            return "JVM " + pid + " reports no Java version jlivepatch understands (java.specification.version="
                    + spec + "); jlivepatch needs Java " + MINIMUM + " or newer";
        }
        if (feature < MINIMUM) {
            return "JVM " + pid + " runs Java " + feature + ", and jlivepatch needs Java " + MINIMUM
                    + " or newer in the target JVM: it cannot patch this one (move the application to Java "
                    + MINIMUM + "+)";
        }
        return null;
    }
}
