package dev.jlivepatch.selftest.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The listening sockets of one process, from {@code /proc}: the socket inodes
 * among its open files, looked up in {@code /proc/net/tcp}, {@code tcp6}
 * (state {@code 0A}, LISTEN) and {@code unix} (flag {@code __SO_ACCEPTCON}).
 * Linux only.
 */
public final class Sockets {
    private static final int ACCEPTCON = 0x10000;

    private Sockets() {
    }

    /** Whether this machine has the files these counts are read from. */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/unix")) && Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Each listening socket of {@code pid}: {@code tcp :PORT}, {@code tcp6 :PORT} or {@code unix PATH}. */
    public static List<String> listening(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring("socket:[".length(), link.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String proto : new String[] {"tcp", "tcp6"}) {
            Path table = Path.of("/proc/net", proto);
            if (!Files.isReadable(table)) {
                continue;
            }
            List<String> rows = Files.readAllLines(table); // once: other processes change the table meanwhile
            for (String line : rows.subList(1, rows.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    out.add(proto + " :" + Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        List<String> unix = Files.readAllLines(Path.of("/proc/net/unix"));
        for (String line : unix.subList(1, unix.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 6 && (Integer.parseInt(f[3], 16) & ACCEPTCON) != 0 && inodes.contains(f[6])) {
                out.add("unix " + (f.length > 7 ? f[7] : "(unnamed)"));
            }
        }
        return out;
    }
}
