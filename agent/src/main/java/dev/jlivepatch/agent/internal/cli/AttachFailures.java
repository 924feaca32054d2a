package dev.jlivepatch.agent.internal.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.nio.file.Path;

/**
 * Turns what the JDK's attach throws into a reason a user can act on. The
 * JDK's messages are kept at the end: they are what a search engine knows.
 */
final class AttachFailures {

    private AttachFailures() {
    }

    /** Why attaching to JVM {@code pid} failed. */
    static String attach(long pid, Throwable e) {
        Throwable t = root(e);
        String msg = String.valueOf(t.getMessage());
        if (t instanceof AttachNotSupportedException && msg.contains("does not support the attach mechanism")) {
            return "JVM " + pid + " was started with -XX:+DisableAttachMechanism and refuses every attach: restart"
                    + " it without that flag, or with -javaagent:jlivepatch.jar to patch it from startup";
        }
        if (msg.contains("Permission denied") || msg.contains("Operation not permitted")
                || msg.contains("should be owned by the current user")) {
            return "JVM " + pid + " refused the attach (" + msg + "): a JVM accepts attach only from the user it"
                    + " runs as (or root); run this command as that user";
        }
        if (t instanceof AttachNotSupportedException && msg.contains("doesn't respond")) {
            return "JVM " + pid + " did not answer the attach request (" + msg + "): it may be hung or too busy to"
                    + " reach a safepoint, or run in another container whose /tmp this command cannot see; check"
                    + " it with jcmd " + pid + " Thread.print, or run this command inside its container";
        }
        return "cannot attach to JVM " + pid + ": " + t;
    }

    /** Why loading the agent jar into JVM {@code pid} failed. */
    static String load(long pid, Path jar, Throwable e) {
        Throwable t = root(e);
        String msg = String.valueOf(t.getMessage());
        if (msg.contains("Dynamic agent loading is not enabled") || msg.contains("EnableDynamicAgentLoading")) {
            return DynamicLoading.refusal(pid);
        }
        if (t instanceof AgentLoadException) {
            return "JVM " + pid + " could not load the agent jar " + jar + " (" + msg + "): the user the JVM runs"
                    + " as must be able to read it; copy it where that user can";
        }
        if (t instanceof AgentInitializationException) {
            return "the jlivepatch agent failed to start in JVM " + pid + " (" + msg + "): the JVM's own output"
                    + " (stderr or its log) shows why";
        }
        if (t instanceof AttachNotSupportedException || t instanceof java.io.IOException) {
            return attach(pid, t);
        }
        return "cannot load the jlivepatch agent into JVM " + pid + ": " + t;
    }

    /**
     * The attach API's own exception inside the wrapping that reflection and
     * ByteBuddy add ({@code IllegalStateException}, {@code InvocationTargetException}).
     */
    static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !isAttachType(t)) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isAttachType(Throwable t) {
        return t instanceof AttachNotSupportedException || t instanceof AgentLoadException
                || t instanceof AgentInitializationException;
    }
}
