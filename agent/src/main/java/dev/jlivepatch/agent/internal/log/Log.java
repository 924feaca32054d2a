package dev.jlivepatch.agent.internal.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code jlivepatch} logger, worded as the kernel's livepatch messages. */
public final class Log {
    private static final Logger LOG = LoggerFactory.getLogger("jlivepatch");

    private Log() {
    }

    public static void info(String message) {
        LOG.info(message);
    }

    public static void warn(String message) {
        LOG.warn(message);
    }

    public static void error(String message) {
        LOG.error(message);
    }

    public static void error(String message, Throwable cause) {
        LOG.error(message, cause);
    }

    public static void debug(String message) {
        LOG.debug(message);
    }
}
