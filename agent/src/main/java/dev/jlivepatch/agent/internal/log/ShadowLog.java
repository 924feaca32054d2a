package dev.jlivepatch.agent.internal.log;

import dev.jlivepatch.api.Shadow;
import java.lang.invoke.MethodHandles;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Routes what the patch API's {@link Shadow} reports (a duplicate
 * allocation, a constructor that failed) into the agent's log: the patch API
 * has no logging dependency and reports through a {@link System.Logger},
 * which is the JDK's logger {@code jlivepatch} unless the agent sets this one
 * in its place as it starts.
 */
public final class ShadowLog implements System.Logger {
    /** The private static field of {@link Shadow} that holds its logger. */
    static final String FIELD = "log";

    private ShadowLog() {
    }

    /**
     * Sets the agent's logger into {@link Shadow}; if that fails (a patch API
     * of another build), Shadow keeps reporting through the JDK's logger and
     * the reason is logged.
     */
    public static void install() {
        try {
            MethodHandles.privateLookupIn(Shadow.class, MethodHandles.lookup())
                    .findStaticVarHandle(Shadow.class, FIELD, System.Logger.class)
                    .setVolatile(new ShadowLog());
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.warn("shadow variable warnings go to the JDK's System.Logger 'jlivepatch', not to this log: " + e);
        }
    }

    @Override
    public String getName() {
        return "jlivepatch";
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        String text = thrown == null ? msg : msg + ": " + thrown;
        switch (level) {
            case ERROR -> Log.error(text);
            case WARNING -> Log.warn(text);
            case INFO -> Log.info(text);
            case OFF -> { }
            default -> Log.debug(text);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                (Throwable) null);
    }
}
