package dev.jlivepatch.agent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Agent options: comma-separated {@code key=value}, the same string for
 * {@code -javaagent} and for attach.
 *
 * @param patches jars to enable at once, in order ({@code patch=PATH}, repeatable)
 * @param dirs watched patch directories ({@code dir=PATH}, repeatable)
 * @param trust the keystore whose certificates the watched directories' jars must be signed
 *     with ({@code trust=PATH}); null to accept unsigned jars
 * @param trustPassword the keystore's password ({@code trustpass=...}); null when not given
 * @param transitionTimeoutSeconds how long a patching transition may run before it is reversed
 *     ({@code transition-timeout=SECONDS}); 0 for no limit
 * @param unknown options not understood, reported and ignored
 */
public record Options(List<String> patches, List<String> dirs, String trust, String trustPassword,
                      long transitionTimeoutSeconds, List<String> unknown) {

    /** Parses the options string (null for none); an option without a value is unknown. */
    public static Options parse(String text) {
        List<String> patches = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        String trust = null;
        String trustPassword = null;
        long timeout = 0;
        List<String> unknown = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                String item = part.trim();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                String key = eq < 0 ? item : item.substring(0, eq).trim();
                String value = eq < 0 ? "" : item.substring(eq + 1).trim();
                if (value.isEmpty()) {
                    unknown.add(item);
                } else if (key.equals("patch")) {
                    patches.add(value);
                } else if (key.equals("dir")) {
                    dirs.add(value);
                } else if (key.equals("trust")) {
                    trust = value;
                } else if (key.equals("trustpass")) {
                    trustPassword = value;
                } else if (key.equals("transition-timeout") && value.matches("[0-9]{1,9}")) {
                    timeout = Long.parseLong(value);
                } else {
                    unknown.add(item);
                }
            }
        }
        return new Options(List.copyOf(patches), List.copyOf(dirs), trust, trustPassword, timeout,
                List.copyOf(unknown));
    }

    /** Leaves the trust store's password out, so that printing the options never shows it. */
    @Override
    public String toString() {
        return "Options[patches=" + patches + ", dirs=" + dirs + ", trust=" + trust
                + (trustPassword == null ? "" : ", trustpass=***") + ", transition-timeout=" + transitionTimeoutSeconds
                + ", unknown=" + unknown + "]";
    }
}
