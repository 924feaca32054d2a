package dev.jlivepatch.samples.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders message templates, expanding {@code ${sys:NAME}} lookups. The bug,
 * in the manner of Log4Shell: it also expands lookups found in the values it
 * substitutes, so user input can read the JVM's system properties.
 */
public final class Templates {
    private static final Pattern LOOKUP = Pattern.compile("\\$\\{sys:([^}]+)}");

    private Templates() {
    }

    /** Substitutes {@code {}} in the template with the user's value, then expands lookups. */
    public static String render(String template, String userValue) {
        return expand(template.replace("{}", userValue));
    }

    static String expand(String text) {
        Matcher m = LOOKUP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(System.getProperty(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
