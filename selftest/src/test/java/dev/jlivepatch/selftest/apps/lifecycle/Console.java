package dev.jlivepatch.selftest.apps.lifecycle;

/**
 * The system state that the kernel's test_klp_state patches change: the
 * console log level. A patch raises it once its transition completes and puts
 * the old level back when it goes, keeping the old level in its patch state.
 */
public final class Console {
    /** The kernel's default console log level. */
    public static final int DEFAULT = 7;
    /** What the patches raise it to (the kernel's {@code CONSOLE_LOGLEVEL_MOTORMOUTH}). */
    public static final int MOTORMOUTH = 15;
    /** The level now. */
    public static volatile int loglevel = DEFAULT;

    private Console() {
    }
}
