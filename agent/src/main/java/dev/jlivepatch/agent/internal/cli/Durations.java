package dev.jlivepatch.agent.internal.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --timeout} and {@code --calls} values: seconds by default, or with a
 * unit: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}.
 */
final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private Durations() {
    }

    static Duration parse(String text) throws Failure {
        return parse(text, "--timeout");
    }

    /** A duration given with {@code flag}, for the messages. */
    static Duration parse(String text, String flag) throws Failure {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw Failure.usage(flag + " '" + text + "' is not a duration: give seconds (60) or 500ms, 30s, 2m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) {
            throw Failure.usage(flag.equals("--timeout") ? "--timeout must be more than 0; use --no-wait not to wait"
                    : flag + " must be more than 0");
        }
        return d;
    }

    /** A duration for people: {@code 750ms}, {@code 12s}, {@code 2m30s}. */
    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = Math.round(ms / 1000.0);
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
}
