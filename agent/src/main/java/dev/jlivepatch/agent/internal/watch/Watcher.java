package dev.jlivepatch.agent.internal.watch;

import dev.jlivepatch.agent.internal.core.Livepatch;
import dev.jlivepatch.agent.internal.files.FileRules;
import dev.jlivepatch.agent.internal.files.Staging;
import dev.jlivepatch.agent.internal.log.Log;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The watched patch directory ({@code dir=PATH}): jars there at startup are
 * enabled in name order before {@code main} runs, then a daemon thread named
 * {@value #THREAD} looks at the directory every {@value #INTERVAL_MS} ms and
 * acts on what changed. Polling, rather than a {@code WatchService}, sees a
 * Kubernetes ConfigMap update (a symbolic link swapped over a new directory,
 * which sends no event for the names it changes), works on every file system
 * including network ones, and costs one directory listing and a few
 * {@code stat} calls a poll. The thread never stops: whatever goes wrong in a
 * poll is logged and the next poll runs.
 */
public final class Watcher implements Runnable {
    /** The name of the watcher's thread. */
    public static final String THREAD = "jlivepatch-watch";
    /** How often the directory is looked at. */
    static final long INTERVAL_MS = 500;
    /** At most how long startup waits for jars still being written, so as to enable them in name order. */
    private static final long STARTUP_SETTLE_MS = 3_000;
    /** How long startup waits for each transition, before {@code main} runs. */
    private static final long STARTUP_TRANSITION_MS = 10_000;
    /** How long the thread waits for a running transition before looking at the directory again. */
    private static final long TRANSITION_MS = 1_000;
    private static final Map<Path, Watcher> RUNNING = new HashMap<>();

    private final Path dir;
    private final Staging staging;
    private final Scan scan;
    private final Sync sync;
    private String lastError;

    private Watcher(Path dir, Staging staging, Scan scan, Sync sync) {
        this.dir = dir;
        this.staging = staging;
        this.scan = scan;
        this.sync = sync;
    }

    /** Starts a watcher for every {@code dir=} option; a directory already watched (a second attach) is left alone. */
    public static void startAll(Livepatch core, List<String> dirs, String trust, String trustPassword) {
        if (trust != null && dirs.isEmpty()) {
            Log.warn("watch: trust=" + trust + " applies to watched directories, and no dir= is given");
        }
        for (String d : dirs) {
            start(core, Path.of(d).toAbsolutePath().normalize(), trust, trustPassword);
        }
    }

    private static void start(Livepatch core, Path dir, String trust, String trustPassword) {
        Watcher w;
        synchronized (RUNNING) {
            if (RUNNING.containsKey(dir)) {
                Log.info("watch: " + dir + " is already watched");
                return;
            }
            Staging staging;
            FileRules security;
            try {
                staging = Staging.create("jlivepatch-watch-");
                security = FileRules.forThisJvm();
            } catch (IOException | RuntimeException e) {
                Log.error("watch: cannot watch " + dir + ": " + (e.getMessage() == null ? e : e.getMessage()));
                return;
            }
            TrustStore store = trust == null ? null : new TrustStore(Path.of(trust).toAbsolutePath(), trustPassword);
            Once once = new Once();
            w = new Watcher(dir, staging, new Scan(dir, security, staging, store, once), new Sync(core, once));
            RUNNING.put(dir, w);
        }
        Log.info("watch: watching " + dir + " for patch jars"
                + (trust == null ? "" : ", accepting only jars signed by a key in " + Path.of(trust).toAbsolutePath()));
        w.startup();
        Thread t = new Thread(w, THREAD);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first look, in the thread that starts the agent (before {@code main} for
     * {@code -javaagent}): jars still being written are waited for a little, so that
     * all the jars there are enabled in name order.
     */
    private void startup() {
        long deadline = System.currentTimeMillis() + STARTUP_SETTLE_MS;
        try {
            while (true) {
                long now = System.currentTimeMillis();
                Scan.Result look = scan.poll(now);
                if (look == null) {
                    break;
                }
                if (look.pending().isEmpty() || now >= deadline) {
                    // main runs once the last patch's transition is complete, too.
                    if (sync.apply(look, STARTUP_TRANSITION_MS)) {
                        sync.idle(STARTUP_TRANSITION_MS);
                    }
                    break;
                }
                Thread.sleep(INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            failed(e);
        } finally {
            sweep();
        }
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(INTERVAL_MS);
                Scan.Result look = scan.poll(System.currentTimeMillis());
                if (look != null) {
                    sync.apply(look, TRANSITION_MS);
                }
                lastError = null;
            } catch (InterruptedException e) {
                // Nobody should interrupt this thread; it keeps watching.
            } catch (Throwable t) {
                failed(t);
            } finally {
                sweep();
            }
        }
    }

    private void failed(Throwable t) {
        String message = "watch: " + dir + ": unexpected " + t + "; still watching";
        if (!message.equals(lastError)) {
            lastError = message;
            Log.error(message, t);
        }
    }

    private void sweep() {
        try {
            List<Path> keep = new ArrayList<>(sync.copies());
            keep.addAll(scan.copies());
            staging.retain(keep);
        } catch (RuntimeException e) {
            // The copies are only disk space, deleted at exit anyway.
        }
    }
}
