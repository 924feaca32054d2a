package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.files.FileRules;
import dev.jlivepatch.agent.internal.files.Staging;
import dev.jlivepatch.agent.internal.patch.JarLimits;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJarReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One look at the watched directory: which jars are there, which of them are
 * stable, safe and copied, and which are still changing. A directory that
 * cannot be read or trusted gives no answer at all, rather than an empty one,
 * so that an unreadable directory never looks like one whose jars were
 * removed. Only names ending in {@code .jar} count, and hidden names (a
 * leading dot: editors' and copy tools' temporary files, a ConfigMap's
 * {@code ..data}) never do, nor does a {@code .tmp} name before it is renamed.
 */
final class Scan {

    /**
     * What one look found.
     *
     * @param present every jar name in the directory (a name whose link leads nowhere is absent)
     * @param ready the stable, safe ones, by name in name order
     * @param pending names still being written, or that could not be looked at this time
     * @param recheck true when what is trusted changed: earlier refusals no longer hold
     */
    record Result(Set<String> present, Map<String, Candidate> ready, Set<String> pending, boolean recheck) {
    }

    private final Path dir;
    private final FileRules security;
    private final Staging staging;
    private final TrustStore trust;
    private final Once once;
    private final Stability stability = new Stability();
    private final Map<String, Candidate> examined = new HashMap<>();

    Scan(Path dir, FileRules security, Staging staging, TrustStore trust, Once once) {
        this.dir = dir;
        this.security = security;
        this.staging = staging;
        this.trust = trust;
        this.once = once;
    }

    /** Looks at the directory once; null when it cannot be used this time (the reason is logged). */
    Result poll(long now) {
        Path real = directory();
        if (real == null) {
            return null;
        }
        int generation = trust == null ? 0 : trust.generation();
        if (!trusting()) {
            return null;
        }
        boolean recheck = trust != null && trust.generation() != generation;
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(real)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(".jar")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            once.warn("dir", "watch: cannot list " + dir + ": " + e);
            return null;
        }
        Set<String> present = new HashSet<>();
        Map<String, Candidate> ready = new TreeMap<>();
        Set<String> pending = new HashSet<>();
        for (String name : names) {
            look(real, name, now, present, ready, pending);
        }
        examined.keySet().retainAll(ready.keySet());
        stability.retain(present);
        return new Result(present, ready, pending, recheck);
    }

    /** The copies the examined jars hold, which must not be deleted yet. */
    List<Path> copies() {
        List<Path> out = new ArrayList<>();
        for (Candidate c : examined.values()) {
            out.add(c.copy());
        }
        return out;
    }

    private Path directory() {
        Path real;
        String unsafe;
        try {
            // Every directory and link on the way is checked, and the directory itself.
            FileRules.Resolved r = security.resolve(dir);
            real = r.real();
            unsafe = r.refusal() != null ? r.refusal() : Files.isDirectory(real) ? null : real + " is not a directory";
        } catch (NoSuchFileException e) {
            once.info("dir", "watch: " + dir + " does not exist; waiting for it");
            return null;
        } catch (IOException e) {
            once.warn("dir", "watch: cannot read " + dir + ": " + e);
            return null;
        }
        if (unsafe != null) {
            once.error("dir", "watch: " + dir + ": refused: " + unsafe
                    + "; nothing is loaded from it or unloaded until this is fixed");
            return null;
        }
        once.clear("dir");
        return real;
    }

    /** Reads the trust store again if it changed; false while it cannot be used. */
    private boolean trusting() {
        if (trust == null) {
            return true;
        }
        if (trust.refresh(security)) {
            // What is trusted changed: every jar is checked again.
            examined.clear();
            if (trust.problem() == null) {
                once.clear("trust");
                once.info("trust", "watch: read trust store " + trust.file() + ": "
                        + trust.certificates().size() + " certificate(s)");
            }
        }
        if (trust.problem() != null) {
            once.error("trust", "watch: " + trust.problem() + "; nothing is loaded from " + dir
                    + " or unloaded until it can be used");
            return false;
        }
        return true;
    }

    private void look(Path real, String name, long now, Set<String> present, Map<String, Candidate> ready,
                      Set<String> pending) {
        String key = "file:" + name;
        Path file;
        try {
            file = real.resolve(name).toRealPath();
        } catch (NoSuchFileException e) {
            return; // a link that leads nowhere: the jar is gone (a ConfigMap key being removed)
        } catch (IOException e) {
            present.add(name);
            pending.add(name);
            return;
        }
        present.add(name);
        String unsafe = security.checkJar(real, name, file);
        if (unsafe != null) {
            once.error(key, "watch: " + name + ": refused: " + unsafe);
            return;
        }
        if (!Files.isRegularFile(file)) {
            once.warn(key, "watch: " + name + ": not a regular file; ignored");
            return;
        }
        Seen seen;
        try {
            seen = Seen.of(file);
        } catch (IOException e) {
            pending.add(name);
            return;
        }
        Candidate known = examined.get(name);
        if (known != null && known.seen().equals(seen)) {
            ready.put(name, known);
            return;
        }
        if (!stability.stable(name, seen, now)) {
            pending.add(name);
            return;
        }
        if (seen.age(now) < Zips.QUIET_MS && !Zips.complete(file)) {
            once.info(key, "watch: " + name + ": not a complete jar yet; waiting");
            pending.add(name);
            return;
        }
        Candidate c = examine(name, file, seen);
        if (c == null) {
            pending.add(name);
            return;
        }
        once.clear(key);
        examined.put(name, c);
        ready.put(name, c);
    }

    /** Copies a stable jar and checks the copy; null if the jar changed while it was copied. */
    private Candidate examine(String name, Path file, Seen seen) {
        Staging.Copy copy;
        try {
            copy = staging.copy(file, name, JarLimits.MAX_JAR_BYTES);
            if (!Seen.of(file).equals(seen)) {
                Staging.discard(copy.path());
                return null;
            }
        } catch (IOException e) {
            once.warn("file:" + name, "watch: " + name + ": cannot copy it: " + e);
            return null;
        }
        if (trust != null) {
            String why = SignatureCheck.verify(copy.path(), trust.certificates(), trust.file());
            if (why != null) {
                return new Candidate(name, seen, copy.path(), copy.sha256(), null,
                        "watch: " + name + ": refused: " + why);
            }
        }
        try {
            String id = PatchJarReader.read(copy.path()).id();
            return new Candidate(name, seen, copy.path(), copy.sha256(), id, null);
        } catch (PatchException e) {
            // The core's wording, naming the jar in the directory rather than its private copy.
            return new Candidate(name, seen, copy.path(), copy.sha256(), null,
                    "failed to load patch jar " + dir.resolve(name) + ": " + e.getMessage());
        }
    }
}
