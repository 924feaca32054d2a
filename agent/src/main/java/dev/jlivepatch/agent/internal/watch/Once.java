package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.log.Log;
import java.util.HashMap;
import java.util.Map;

/**
 * Logs a condition once rather than at every poll: a message is logged when it
 * differs from the last one logged under the same key, and {@link #clear}
 * forgets a key once its condition is over, so that it is logged again if it
 * comes back.
 */
final class Once {
    enum Level { INFO, WARN, ERROR }

    private final Map<String, String> last = new HashMap<>();

    void info(String key, String message) {
        log(Level.INFO, key, message);
    }

    void warn(String key, String message) {
        log(Level.WARN, key, message);
    }

    void error(String key, String message) {
        log(Level.ERROR, key, message);
    }

    void log(Level level, String key, String message) {
        if (message.equals(last.put(key, message))) {
            return;
        }
        switch (level) {
            case INFO -> Log.info(message);
            case WARN -> Log.warn(message);
            default -> Log.error(message);
        }
    }

    void clear(String key) {
        last.remove(key);
    }

    /** Forgets every key that starts with {@code prefix}. */
    void clearAll(String prefix) {
        last.keySet().removeIf(k -> k.startsWith(prefix));
    }
}
