package dev.jlivepatch.selftest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A JDK the selftests run on: the one running the build (17), and JDK 25 found
 * through {@code -Djlivepatch.jdk25=DIR}, {@code JLIVEPATCH_JDK25}, or under
 * /usr/lib/jvm. A missing JDK 25 makes its tests skip with a visible reason.
 */
public record Jdk(String label, Path home) {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    public static Stream<Jdk> all() {
        List<Jdk> jdks = new ArrayList<>();
        jdks.add(new Jdk("jdk" + Runtime.version().feature(), Path.of(System.getProperty("java.home"))));
        jdks.add(new Jdk("jdk25", find(25)));
        return jdks.stream();
    }

    /** Skips the calling test, with the reason, where this JDK is absent. */
    public Path java() {
        Assumptions.assumeTrue(home != null, () -> {
            String why = "SKIPPED: no JDK 25 found (set -Djlivepatch.jdk25=DIR or JLIVEPATCH_JDK25, or install one"
                    + " under /usr/lib/jvm)";
            System.out.println(why);
            return why;
        });
        return home.resolve("bin").resolve("java");
    }

    public int feature() {
        return home == null ? 0 : version(home);
    }

    static Path find(int feature) {
        for (String configured : new String[] {System.getProperty("jlivepatch.jdk" + feature),
            System.getenv("JLIVEPATCH_JDK" + feature)}) {
            if (configured != null && !configured.isBlank() && version(Path.of(configured)) == feature) {
                return Path.of(configured);
            }
        }
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib/jvm"))) {
            return dirs.filter(d -> version(d) == feature).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int version(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() && Files.isExecutable(home.resolve("bin/java")) ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
