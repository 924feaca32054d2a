package dev.jlivepatch.agent.internal.control;

import dev.jlivepatch.agent.internal.files.FileRules;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the command line reaches the agent without the agent listening on
 * anything. At start the agent makes a private directory (mode 0700, a name
 * {@link Files#createTempDirectory} picks) in {@code /tmp}, where the JDK's
 * attach mechanism needs to write anyway and whose short name keeps socket
 * paths within their limit (108 bytes on Linux), or else in
 * {@code java.io.tmpdir}; and it
 * names it in the system property {@value #PROPERTY}, which the command line
 * reads through the JDK's attach mechanism (which only the JVM's user and
 * root can use). A command line that wants to talk binds a Unix domain socket
 * of its own in that directory, which only the JVM's user and root can write
 * in, and renames it to {@code NAME.sock}; a thread of the agent, woken by the
 * file system's notification (no polling), connects to it and serves that
 * one connection ({@link ControlSession}). The JVM never listens: it only
 * connects, to sockets that the JVM's user or root put in its directory.
 */
public final class ControlDoor {
    /** The system property naming the directory, read by the command line over attach. */
    public static final String PROPERTY = "jlivepatch.agent.control";
    /** The end of a socket's name in the directory that the agent connects to. */
    public static final String SUFFIX = ".sock";
    /** The name of the thread that waits for sockets. */
    public static final String THREAD = "jlivepatch-control";
    /** The start of the directory's name. */
    public static final String PREFIX = "jlivepatch-ctl-";
    private static final int TYPE_MASK = 0170000;
    private static final int SOCKET = 0140000;
    private static boolean opened;

    private final LivepatchMXBean agent;
    private final FileRules rules;
    private final Path dir;
    private final WatchService watch;
    private volatile boolean closing;

    private ControlDoor(LivepatchMXBean agent, FileRules rules, Path dir, WatchService watch) {
        this.agent = agent;
        this.rules = rules;
        this.dir = dir;
        this.watch = watch;
    }

    /**
     * Makes the directory and starts the thread, once per JVM. Failures are logged: the agent
     * works all the same, only the command line cannot reach it.
     *
     * @param agent the operations the command line may call
     */
    public static synchronized void open(LivepatchMXBean agent) {
        if (opened) {
            return;
        }
        opened = true;
        Path dir = null;
        try {
            FileRules rules = FileRules.forThisJvm();
            var mode = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            Path tmp = Path.of("/tmp");
            dir = Files.isDirectory(tmp) && Files.isWritable(tmp) ? Files.createTempDirectory(tmp, PREFIX, mode)
                    : Files.createTempDirectory(PREFIX, mode);
            FileRules.Resolved r = rules.resolve(dir);
            if (r.refusal() != null) {
                throw new IOException(dir.getParent() + " cannot hold it safely: " + r.refusal());
            }
            Path real = r.real();
            WatchService watch = real.getFileSystem().newWatchService();
            real.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            ControlDoor door = new ControlDoor(agent, rules, real, watch);
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(door::close, THREAD + "-cleanup"));
            } catch (IllegalStateException exiting) {
                // The JVM exits before the agent's start-up thread got here: nothing to open.
                watch.close();
                delete(real);
                return;
            }
            System.setProperty(PROPERTY, real.toString());
            Thread t = new Thread(door::run, THREAD);
            t.setDaemon(true);
            t.start();
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                delete(dir);
            }
            Log.error("control: the command line cannot reach this agent: no control directory: "
                    + (e.getMessage() == null ? e : e.getMessage()));
        }
    }

    /** At exit: the thread stops quietly and the directory goes. */
    private void close() {
        closing = true;
        try {
            watch.close();
        } catch (IOException e) {
            // exiting anyway
        }
        delete(dir);
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = watch.take();
            } catch (InterruptedException e) {
                continue; // nobody should interrupt this thread; it keeps waiting
            } catch (RuntimeException e) {
                if (!closing) {
                    Log.error("control: stopped waiting for the command line: " + e);
                }
                return;
            }
            for (WatchEvent<?> e : key.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    rescan();
                } else if (e.context() instanceof Path name) {
                    arrived(dir.resolve(name));
                }
            }
            if (!key.reset()) {
                if (closing) {
                    return;
                }
                Log.error("control: " + dir + " is gone; the command line can no longer reach this agent");
                return;
            }
        }
    }

    private void rescan() {
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(this::arrived);
        } catch (IOException e) {
            Log.warn("control: cannot list " + dir + ": " + e);
        }
    }

    /** A new name in the directory: a socket the JVM's user or root put there is connected to. */
    private void arrived(Path p) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || !name.endsWith(SUFFIX)) {
            return;
        }
        String refusal = refusal(p);
        if (refusal != null) {
            Log.warn("control: " + name + ": refused: " + refusal);
            return;
        }
        Thread t = new Thread(() -> serve(p), THREAD + "-session");
        t.setDaemon(true);
        t.start();
    }

    /** Why a socket in the directory is not connected to, or null. */
    String refusal(Path p) {
        try {
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int uid = (Integer) a.get("uid");
            if ((mode & TYPE_MASK) != SOCKET) {
                return p + " is not a socket";
            }
            if (uid != rules.jvmUid() && uid != 0) {
                return p + " is owned by uid " + uid + ", not by this JVM's user (uid " + rules.jvmUid() + ") or root";
            }
            FileRules.Resolved r = rules.resolve(dir);
            return r.refusal();
        } catch (IOException | RuntimeException e) {
            return "cannot look at " + p + ": " + e;
        }
    }

    private void serve(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            new ControlSession(agent, ch).serve();
        } catch (IOException | RuntimeException e) {
            // The command line went away, or was never there (a stale name); it reports its side itself.
        }
    }

    private static void delete(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort, at exit
        }
    }
}
