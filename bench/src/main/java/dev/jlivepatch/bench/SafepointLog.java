package dev.jlivepatch.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fork's own safepoint log ({@code -Xlog:safepoint:file=target/safepoints-%p.log},
 * see {@link Forks#SAFEPOINT_LOG}), read back between two marks: which
 * safepoints the JVM ran while an operation ran, and how long each stopped
 * the application threads (HotSpot's "Total": reaching the safepoint plus the
 * time at it). The JVM flushes each line as it writes it.
 */
final class SafepointLog {
    private static final Pattern LINE = Pattern.compile("Safepoint \"([^\"]+)\".*Total: (\\d+) ns");
    private final Path file;

    /** The log of this JVM, or a log that reads as empty when the fork runs without one. */
    SafepointLog() {
        file = Path.of("target/safepoints-" + ProcessHandle.current().pid() + ".log");
    }

    /** @return whether the fork writes the log */
    boolean present() {
        return Files.exists(file);
    }

    /** @return the current end of the log */
    long mark() throws IOException {
        return present() ? Files.size(file) : 0;
    }

    /**
     * The safepoints logged since a mark.
     *
     * @param from a {@link #mark()}
     * @return their summary
     */
    Window since(long from) throws IOException {
        Window w = new Window();
        if (!present()) {
            return w;
        }
        String text;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            f.seek(from);
            f.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            w.add(m.group(1), Long.parseLong(m.group(2)));
        }
        return w;
    }

    /** The safepoints of one window. */
    static final class Window {
        /** Per VM operation: count and longest. */
        private final Map<String, long[]> byName = new TreeMap<>();
        long count;
        long longest;
        long sum;

        void add(String name, long nanos) {
            long[] c = byName.computeIfAbsent(name, k -> new long[2]);
            c[0]++;
            c[1] = Math.max(c[1], nanos);
            count++;
            sum += nanos;
            longest = Math.max(longest, nanos);
        }

        /** {@code NAME:count:longest-ms} for each operation, {@code ;}-separated. */
        String kinds() {
            StringBuilder sb = new StringBuilder();
            byName.forEach((name, c) -> sb.append(sb.length() == 0 ? "" : ";")
                    .append(String.format(Locale.ROOT, "%s:%d:%.3f", name, c[0], c[1] / 1e6)));
            return sb.toString();
        }
    }
}
