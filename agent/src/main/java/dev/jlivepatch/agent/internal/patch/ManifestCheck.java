package dev.jlivepatch.agent.internal.patch;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a manifest that names an attribute twice in one section. The JDK
 * keeps the last of two {@code Livepatch-Id} lines, so such a jar would say two
 * things at once; and it logs a warning of several lines into the
 * application's log for each. No build tool writes one.
 */
final class ManifestCheck {
    private ManifestCheck() {
    }

    /**
     * @param jar the jar's name, which the reason starts with
     * @param manifest the manifest's bytes
     * @throws PatchException naming the attribute and its section
     */
    static void check(String jar, byte[] manifest) throws PatchException {
        String text = new String(manifest, StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        int section = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (!names.isEmpty()) {
                    section++;
                    names.clear();
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (line.startsWith(" ") || colon <= 0) {
                continue; // a continuation line, or one the JDK refuses with its own reason
            }
            String name = line.substring(0, colon);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new PatchException(jar + ": the manifest names " + JarLimits.quoted(name) + " twice in its "
                        + (section == 0 ? "main section" : "section " + section));
            }
        }
    }
}
