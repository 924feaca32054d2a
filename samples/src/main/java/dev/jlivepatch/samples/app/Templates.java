package dev.jlivepatch.samples.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders message templates, expanding {@code ${sys:NAME}} (a system
 * property) and {@code ${env:NAME}} (an environment variable) lookups.
 *
 * <p>The bug, in the manner of Log4Shell: {@link #render} substitutes the
 * user's value first and expands lookups afterwards, so lookups typed by a
 * user are expanded too and read the service's configuration and secrets.
 */
public final class Templates {
    private static final Pattern LOOKUP = Pattern.compile("\\$\\{(sys|env):([^}]+)}");

    private Templates() {
    }

    /**
     * Substitutes {@code {}} in the template with the user's value, then
     * expands lookups (the bug: in the user's value as well).
     *
     * @param template a template written by the service's authors
     * @param userValue a value from the request
     * @return the rendered text
     */
    public static String render(String template, String userValue) {
        return expand(template.replace("{}", userValue));
    }

    /** Expands every lookup in the text; an unknown name expands to nothing. */
    static String expand(String text) {
        Matcher m = LOOKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value = m.group(1).equals("sys") ? System.getProperty(name) : System.getenv(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
