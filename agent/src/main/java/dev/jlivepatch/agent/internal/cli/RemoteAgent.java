package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.control.Wire;
import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.CallsInfo;
import dev.jlivepatch.agent.internal.manage.DryRunInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The agent of one JVM as the command line sees it: the MBean's operations,
 * each sent as a request on the control channel ({@link Wire}) and answered
 * by the agent. A refusal arrives as an {@link IllegalStateException} with the
 * agent's one-line reason, as through JMX. A JVM that stops answering (hung,
 * stopped) is given up on after the operation's own wait plus
 * {@link #ANSWER_MS}: the connection is closed and the call fails.
 */
final class RemoteAgent implements LivepatchMXBean, AutoCloseable {
    /** How long an answer may take beyond the wait the request itself asks for. */
    static final long ANSWER_MS = 120_000;

    /** The agent does not know the operation: it is older than this command line. */
    static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** The connection failed or the JVM stopped answering; the message is the whole reason. */
    static final class Lost extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        Lost(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** Writes a request's arguments. */
    private interface Args {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a reply's result. */
    private interface Result<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final long pid;
    private final Channel channel;
    private final String version;
    private final Timer timer = new Timer("jlivepatch-answer-timeout", true);

    RemoteAgent(long pid, Channel channel, String version) {
        this.pid = pid;
        this.channel = channel;
        this.version = version;
    }

    private synchronized <T> T call(String op, long waitMillis, Args args, Result<T> result) {
        boolean[] late = {false};
        TimerTask watchdog = new TimerTask() {
            @Override
            public void run() {
                late[0] = true;
                channel.close();
            }
        };
        timer.schedule(watchdog, Math.min(Long.MAX_VALUE / 2, Math.max(0, waitMillis)) + ANSWER_MS);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            args.write(new DataOutputStream(buffer));
            DataOutputStream out = channel.out();
            Wire.writeString(out, op);
            Wire.writeBytes(out, buffer.toByteArray());
            out.flush();
            DataInputStream in = channel.in();
            byte status = in.readByte();
            if (status == Wire.OK) {
                return result.read(in);
            }
            String reason = Wire.readString(in);
            if (status == Wire.UNSUPPORTED) {
                throw new Unsupported(reason);
            }
            throw new IllegalStateException(status == Wire.REFUSED ? reason : "the agent failed: " + reason);
        } catch (IOException e) {
            if (late[0]) {
                throw new Lost("JVM " + pid + " did not answer within " + Durations.show(java.time.Duration.ofMillis(
                        ANSWER_MS)) + " more than asked; it may be hung or stopped (check it with jcmd " + pid
                        + " Thread.print)", e);
            }
            throw new Lost("lost the connection to JVM " + pid + ": " + e, e);
        } finally {
            watchdog.cancel();
        }
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public List<PatchInfo> getPatches() {
        return call("patches", 0, out -> { }, Wire::readPatches);
    }

    @Override
    public List<String> getBlockers() {
        List<String> out = new ArrayList<>();
        getBlockingThreads().forEach(b -> out.add(b.toString()));
        return out;
    }

    @Override
    public List<BlockerInfo> getBlockingThreads() {
        return call("blockers", 0, out -> { }, Wire::readBlockers);
    }

    @Override
    public TransitionInfo getLastTransition() {
        return call("lastTransition", 0, out -> { }, Wire::readTransition);
    }

    @Override
    public String load(String path) {
        return load(path, false);
    }

    @Override
    public String load(String path, boolean deferredTargets) {
        return call("load", 0, out -> {
            Wire.writeString(out, path);
            out.writeBoolean(deferredTargets);
        }, Wire::readString);
    }

    @Override
    public DryRunInfo dryRun(String path, boolean deferredTargets) {
        return call("dryRun", 0, out -> {
            Wire.writeString(out, path);
            out.writeBoolean(deferredTargets);
        }, Wire::readDryRun);
    }

    @Override
    public CallsInfo getCalls() {
        return call("calls", 0, out -> { }, Wire::readCalls);
    }

    @Override
    public CallsInfo countCalls(long millis) {
        return call("countCalls", 0, out -> out.writeLong(millis), Wire::readCalls);
    }

    @Override
    public CallsInfo stopCounting() {
        return call("stopCounting", 0, out -> { }, Wire::readCalls);
    }

    @Override
    public void enable(String id) {
        onPatch("enable", id);
    }

    @Override
    public void disable(String id) {
        onPatch("disable", id);
    }

    @Override
    public void remove(String id) {
        onPatch("remove", id);
    }

    @Override
    public void force(String id) {
        onPatch("force", id);
    }

    private void onPatch(String op, String id) {
        call(op, 0, out -> Wire.writeString(out, id), in -> null);
    }

    @Override
    public boolean awaitTransition(long millis) {
        return call("awaitTransition", millis, out -> out.writeLong(millis), DataInputStream::readBoolean);
    }

    @Override
    public void close() {
        timer.cancel();
        channel.close();
    }
}
