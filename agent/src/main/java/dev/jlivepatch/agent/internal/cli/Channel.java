package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.control.ControlDoor;
import dev.jlivepatch.agent.internal.control.Wire;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The command line's end of the control channel ({@link ControlDoor}): it
 * binds a Unix domain socket of its own in the agent's private directory,
 * owner-only (owned by the JVM's user when root runs the command line for
 * another user), renames it to {@code cli-RANDOM.sock} once it listens, and
 * waits for the agent to connect; then the socket's name is removed and the
 * listener closed, and only that one connection remains. The directory must
 * belong to the JVM's user and be closed to everybody else, or it is not used.
 */
final class Channel {
    /** How long the agent has to connect and say hello. */
    static final long CONNECT_MS = 15_000;

    private final SocketChannel socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    Channel(SocketChannel socket) {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(socket)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(socket)));
    }

    DataInputStream in() {
        return in;
    }

    DataOutputStream out() {
        return out;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /**
     * Connects to the agent of JVM {@code pid}.
     *
     * @param dir the agent's control directory, as the JVM names it ({@value ControlDoor#PROPERTY})
     * @param uid the JVM's user
     * @return the agent, after its hello
     */
    static RemoteAgent open(long pid, String dir, long uid) throws Failure {
        Path here = Processes.inTarget(pid, Path.of(dir));
        String why = unsafe(here, uid);
        if (why != null) {
            throw Failure.failed("the control directory of the jlivepatch agent in JVM " + pid + " cannot be trusted: "
                    + why + "; this command does not use it");
        }
        String name = HexFormat.of().formatHex(random());
        Path hidden = here.resolve(".cli-" + name);
        Path visible = here.resolve("cli-" + name + ControlDoor.SUFFIX);
        SocketChannel accepted = null;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            server.bind(UnixDomainSocketAddress.of(hidden), 1);
            Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rw-------"));
            if (Processes.ownUid() == 0 && uid != 0) {
                Files.setAttribute(hidden, "unix:uid", (int) uid, LinkOption.NOFOLLOW_LINKS);
            }
            Files.move(hidden, visible, StandardCopyOption.ATOMIC_MOVE);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            if (selector.select(CONNECT_MS) > 0) {
                accepted = server.accept();
            }
        } catch (IOException | RuntimeException e) {
            throw Failure.failed("cannot open a channel to the jlivepatch agent in JVM " + pid + " in " + here + ": "
                    + e);
        } finally {
            delete(hidden);
            delete(visible);
        }
        if (accepted == null) {
            throw Failure.failed("the jlivepatch agent in JVM " + pid + " did not connect to this command within "
                    + CONNECT_MS / 1000 + "s (its control directory is " + dir + "); its log may say why");
        }
        return hello(pid, new Channel(accepted));
    }

    static RemoteAgent hello(long pid, Channel c) throws Failure {
        java.util.Timer timer = new java.util.Timer("jlivepatch-hello-timeout", true);
        timer.schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                c.close();
            }
        }, CONNECT_MS);
        try {
            int magic = c.in.readInt();
            int version = c.in.readInt();
            long agentPid = c.in.readLong();
            if (magic != Wire.MAGIC || version != Wire.VERSION || agentPid != Processes.innerPid(pid)) {
                throw new IOException("it sent " + Integer.toHexString(magic) + " version " + version + " pid "
                        + agentPid);
            }
            return new RemoteAgent(pid, c, Wire.readString(c.in));
        } catch (IOException e) {
            c.close();
            throw Failure.failed("the agent in JVM " + pid + " did not greet this command as a jlivepatch agent"
                    + " of the same protocol (" + e.getMessage() + "); use the command line of the agent's version");
        } finally {
            timer.cancel();
        }
    }

    /** Why the directory cannot be trusted: not a directory, not the JVM's user's, open to others. */
    static String unsafe(Path dir, long uid) {
        try {
            Map<String, Object> a = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int owner = (Integer) a.get("uid");
            if ((mode & 0170000) != 0040000) {
                return dir + " is not a directory";
            }
            if (owner != uid) {
                return dir + " is owned by uid " + owner + ", not by the JVM's user (uid " + uid + ")";
            }
            if ((mode & 077) != 0) {
                return dir + " is open to other users (mode " + String.format("%04o", mode & 07777) + ")";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "cannot look at " + dir + ": " + e;
        }
    }

    private static byte[] random() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the agent removes its directory at exit
        }
    }
}
