package dev.jlivepatch.agent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Agent options: comma-separated {@code key=value}, the same string for
 * {@code -javaagent} and for attach.
 *
 * @param patches jars to enable at once, in order
 * @param unknown options not understood, reported and ignored
 */
public record Options(List<String> patches, List<String> unknown) {

    public static Options parse(String text) {
        List<String> patches = new ArrayList<>();
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
                if (key.equals("patch") && !value.isEmpty()) {
                    patches.add(value);
                } else {
                    unknown.add(item);
                }
            }
        }
        return new Options(List.copyOf(patches), List.copyOf(unknown));
    }
}
