package dev.jlivepatch.selftest.apps.proof;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What a JVM holds, measured after garbage collection has settled: metaspace
 * and its class space in use, the heap in use, the classes loaded (as the JVM
 * counts them: every retransformation counts as a class loaded), live threads
 * and open file descriptors ({@code /proc/self/fd}). The attach listener thread
 * and the attach socket, which another process's attach (jcmd, a build next
 * door listing JVMs) brings, are left out.
 */
public record Resources(long metaspace, long classSpace, long heap, int classes, int threads, int fds,
                        java.util.Set<String> threadNames, java.util.Set<String> files) {

    /** Collects until metaspace and the heap stop shrinking (at most about 3 s), then measures. */
    public static Resources settled() throws InterruptedException {
        Resources last = now();
        for (int i = 0; i < 15; i++) {
            System.gc();
            Thread.sleep(200);
            Resources r = now();
            if (r.metaspace >= last.metaspace && r.heap >= last.heap - (64 << 10) && i >= 2) {
                return r;
            }
            last = r;
        }
        return last;
    }

    static Resources now() {
        long meta = 0;
        long klass = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.NON_HEAP && p.getName().equals("Metaspace")) {
                meta = p.getUsage().getUsed();
            } else if (p.getType() == MemoryType.NON_HEAP && p.getName().equals("Compressed Class Space")) {
                klass = p.getUsage().getUsed();
            }
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        java.util.Set<String> names = new java.util.TreeSet<>();
        Thread.getAllStackTraces().keySet().forEach(t -> names.add(t.getName() + "#" + t.getId()));
        // What another process's attach brings (jcmd, or jlivepatch jvms of a build next door) is not ours.
        names.removeIf(n -> n.startsWith("Attach Listener#"));
        java.util.Set<String> files = openFiles();
        files.removeIf(f -> f.contains("/.java_pid") || f.matches("\\d+->/proc/\\d+/fd")); // and the listing's own
        return new Resources(meta, klass, heap, ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                names.size(), files.size(), names, files);
    }

    /** What each open descriptor points to (a file, a socket, a pipe), without the listing's own. */
    private static java.util.Set<String> openFiles() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            s.forEach(fd -> {
                try {
                    out.add(fd.getFileName() + "->" + Files.readSymbolicLink(fd));
                } catch (IOException e) {
                    // the listing's own descriptor, closed by now
                }
            });
        } catch (IOException e) {
            out.add("cannot list /proc/self/fd: " + e);
        }
        return out;
    }

    /** What this snapshot has that {@code before} had not: threads and open files, by name. */
    public String added(Resources before) {
        java.util.Set<String> t = new java.util.TreeSet<>(threadNames);
        t.removeAll(before.threadNames);
        java.util.Set<String> f = new java.util.TreeSet<>(files);
        f.removeAll(before.files);
        return "threads " + t + ", files " + f;
    }

    /** {@code metaspace=KB classSpace=KB heap=KB classes=N threads=N fds=N}. */
    @Override
    public String toString() {
        return "metaspace=" + metaspace / 1024 + "KB classSpace=" + classSpace / 1024 + "KB heap=" + heap / 1024
                + "KB classes=" + classes + " threads=" + threads + " fds=" + fds;
    }
}
